retention = null
