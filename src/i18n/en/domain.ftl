# domain

## Validation (validate/mod.rs)
error-client-name = Enter the client's name
