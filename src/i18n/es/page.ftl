# page

## La página independiente (index.html, src/site/page.js)
page-intro = Escriba una nota de caso. Los borradores se quedan en este dispositivo hasta que los envíe.
page-inbox = Notas recibidas
page-inbox-offline = (la bandeja necesita conexión y ahora no la hay. Sus borradores están a salvo aquí.)
page-language = Idioma
page-config-problems = La configuración de esta página tiene problemas:
page-config-not-json = config.json no es JSON válido ({ $why }). Se usan los valores predeterminados de la página.
page-config-not-object = config.json debe contener un solo objeto JSON, como { $example }. Se usan los valores predeterminados de la página.
page-config-unknown = config.json: «{ $key }» no es un ajuste (ajustes conocidos: { $known }).
page-config-type = config.json: «{ $key }» debe ser un texto o un número.
page-config-http = No se pudo cargar config.json (HTTP { $status }); se usan los valores predeterminados de la página.
page-config-unreadable = No se pudo leer config.json ({ $why }). Se usan los valores predeterminados de la página.
