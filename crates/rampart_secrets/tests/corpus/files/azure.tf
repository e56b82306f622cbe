resource "azurerm_app_service" "web" {
  app_settings = {
    "STORAGE" = "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=a6bCEwjq4hdut5YPjZwRxbhrXwKk2PU7b8/hCOSSn3dyKPr51Ns7XOBNK3J57u2//AIXnM91w7eY9C6tlxInqA==;EndpointSuffix=core.windows.net"
    "BUS" = "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=WLYOFN6cD/OnGH/widDuypnoY3Vw5bouiEHhYa/9NLk="
    "STORAGE2" = azurerm_storage_account.main.primary_connection_string
    "DEV" = "UseDevelopmentStorage=true"
  }
}
  storage_account_key = "ClZS0Kcv/L788Ivx6xpovhy3E5vnipYGcQHgvK2PH27cJMM1S4fsSyVXPHBj1l2YRMdW9hljmAQAOrxI7WQPMg=="
  client_secret = "25K6Q~TUEj88bXc87jCOihj.Hjoy1tuw~dX0i~mG"
  client_secret = azuread_service_principal_password.sp.value
  subscription_id = "b878e1ee-aca7-83c8-9327-35ac3c89eaf3"
  access_key = azurerm_storage_account.main.primary_access_key
  sas = data.azurerm_storage_account_sas.x.sas
