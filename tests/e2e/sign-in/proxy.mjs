// The agency's sign-in in front of the receiver, as oauth2-proxy or nginx's
// auth_request would be: an OpenID Connect relying party (the openid-client
// package) that signs users in at the provider, keeps a session cookie, and
// forwards each signed-in request to the receiver with the user in
// X-Forwarded-Email and the client's address in X-Forwarded-For. It
// connects to the receiver from 127.0.0.2, the one address the receiver
// trusts (--trusted-proxy). Test scaffolding only.
// Usage: node proxy.mjs PORT ISSUER RECEIVER_PORT
import http from "node:http";
import crypto from "node:crypto";
import * as client from "openid-client";

const [port, issuer, receiverPort] = process.argv.slice(2);
const redirectUri = `http://127.0.0.1:${port}/oauth2/callback`;
const config = await client.discovery(new URL(issuer), "casenote-test", "casenote-test-secret", undefined, {
  execute: [client.allowInsecureRequests],
});
const sessions = new Map(); // sid -> email
const pending = new Map(); // state -> { verifier, returnTo }

const sid = (req) =>
  (req.headers.cookie || "")
    .split(";")
    .map((c) => c.trim().split("="))
    .find(([k]) => k === "proxy_sid")?.[1];

async function signIn(req, res) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  pending.set(state, { verifier, returnTo: req.url });
  const to = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
  });
  res.writeHead(302, { location: to.href }).end();
}

async function callback(req, res) {
  const url = new URL(req.url, `http://127.0.0.1:${port}`);
  const state = url.searchParams.get("state");
  const flow = pending.get(state);
  if (!flow) return res.writeHead(400).end("unknown sign-in");
  pending.delete(state);
  const tokens = await client.authorizationCodeGrant(config, url, {
    pkceCodeVerifier: flow.verifier,
    expectedState: state,
  });
  // The email is a scope claim: the provider gives it at userinfo.
  const { sub } = tokens.claims();
  const { email } = await client.fetchUserInfo(config, tokens.access_token, sub);
  if (!email) return res.writeHead(403).end("the provider gave no email");
  const id = crypto.randomUUID();
  sessions.set(id, email);
  res
    .writeHead(302, { location: flow.returnTo, "set-cookie": `proxy_sid=${id}; HttpOnly; SameSite=Lax; Path=/` })
    .end();
}

function forward(req, res, email) {
  const headers = { ...req.headers };
  delete headers["x-forwarded-email"]; // never the client's own
  headers["x-forwarded-email"] = email;
  headers["x-forwarded-for"] = req.socket.remoteAddress;
  const upstream = http.request(
    { host: "127.0.0.1", port: receiverPort, localAddress: "127.0.0.2", method: req.method, path: req.url, headers },
    (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    },
  );
  upstream.on("error", () => res.writeHead(502).end());
  req.pipe(upstream);
}

http
  .createServer((req, res) => {
    if (req.url.startsWith("/oauth2/callback")) {
      callback(req, res).catch((e) => res.writeHead(500).end(String(e)));
      return;
    }
    const email = sessions.get(sid(req));
    if (email) return forward(req, res, email);
    signIn(req, res).catch((e) => res.writeHead(500).end(String(e)));
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`proxy: http://127.0.0.1:${port}`));
