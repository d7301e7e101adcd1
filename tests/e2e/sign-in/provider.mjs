// A real OpenID Connect provider for the sign-in test (the oidc-provider
// package): its development sign-in takes any login and password, and the
// login becomes the user's email. Usage: node provider.mjs PORT REDIRECT_URI
import Provider from "oidc-provider";

const [port, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "casenote-test",
      client_secret: "casenote-test-secret",
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email"] },
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: id }),
  }),
  cookies: { keys: ["casenote-sign-in-test"] },
  features: { devInteractions: { enabled: true } },
});
provider.listen(Number(port), "127.0.0.1", () => console.log(`provider: ${issuer}`));
