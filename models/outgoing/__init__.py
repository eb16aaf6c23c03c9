"""The outgoing document register (ทะเบียนหนังสือส่ง): every numbered document the app issues,
kept with its final PDF (platform; processes keep their documents through ``register.keep``)."""
