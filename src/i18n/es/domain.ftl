# domain

## Validación (validate/mod.rs)
error-client-name = Escriba el nombre del cliente
