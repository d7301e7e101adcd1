//! AES-GCM sealing of drafts with the host's key, through WebCrypto.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, AesKeyGenParams, CryptoKey, SubtleCrypto};

use crate::domain::draft::Sealed;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

fn subtle() -> Result<SubtleCrypto, String> {
    crate::platform::window()
        .crypto()
        .map(|c| c.subtle())
        .map_err(|_| "WebCrypto is not available".to_string())
}

fn js_err(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.name()))
        .or_else(|| e.dyn_ref::<web_sys::DomException>().map(|d| d.name()))
        .unwrap_or_else(|| "WebCrypto error".into())
}

pub async fn seal(key: &CryptoKey, plain: &[u8]) -> Result<Sealed, String> {
    let mut iv = [0u8; 12];
    crate::platform::window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut iv))
        .map_err(js_err)?;
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&iv[..]));
    let promise = subtle()?
        .encrypt_with_object_and_u8_array(&params, key, plain)
        .map_err(js_err)?;
    let cipher = JsFuture::from(promise).await.map_err(js_err)?;
    let data = Uint8Array::new(&cipher).to_vec();
    Ok(Sealed {
        iv: BASE64.encode(iv),
        data: BASE64.encode(data),
    })
}

pub async fn unseal(key: &CryptoKey, sealed: &Sealed) -> Result<Vec<u8>, String> {
    let iv = BASE64.decode(&sealed.iv).map_err(|_| "bad iv")?;
    let data = BASE64.decode(&sealed.data).map_err(|_| "bad data")?;
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&iv[..]));
    let promise = subtle()?
        .decrypt_with_object_and_u8_array(&params, key, &data)
        .map_err(js_err)?;
    let plain = JsFuture::from(promise).await.map_err(js_err)?;
    Ok(Uint8Array::new(&plain).to_vec())
}

/// A new non-extractable AES-GCM 256 key (for tests and demos).
pub async fn generate_key() -> Result<CryptoKey, String> {
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let promise = subtle()?
        .generate_key_with_object(&AesKeyGenParams::new("AES-GCM", 256), false, &usages)
        .map_err(js_err)?;
    JsFuture::from(promise)
        .await
        .map_err(js_err)?
        .dyn_into::<CryptoKey>()
        .map_err(|_| "not a CryptoKey".to_string())
}
