# page

## The standalone page (index.html, src/site/page.js)
page-intro = Write a case note. Drafts stay on this device until you submit.
page-inbox = Received notes
page-inbox-offline = (the inbox needs the network: you are offline. Your drafts are safe here.)
page-language = Language
page-config-problems = This page's configuration has problems:
page-config-not-json = config.json is not valid JSON ({ $why }). Using the page's defaults.
page-config-not-object = config.json must hold one JSON object, like { $example }. Using the page's defaults.
page-config-unknown = config.json: "{ $key }" is not a setting (known: { $known }).
page-config-type = config.json: "{ $key }" must be a string or a number.
page-config-http = config.json could not be loaded (HTTP { $status }); using the page's defaults.
page-config-unreadable = config.json could not be read ({ $why }). Using the page's defaults.
