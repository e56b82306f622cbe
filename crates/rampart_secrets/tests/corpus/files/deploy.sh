#!/bin/sh
curl -H "Authorization: Bearer HVPMil7tC76olnFwFTEiWoZ6DsUds2OPpFNAEi7v" https://api.internal.corp/v1/deploy
curl -H 'Authorization: Basic ZGVwbG95OjVrTlEzNFReTTYwbzhWNTc=' https://nexus.internal.corp/upload
http --auth-type=bearer GET api.internal/x "Authorization:Bearer 0kqCBqoOiy-YA3CpHwIhKBENNqLAJuDc"
curl -H "Authorization: Bearer eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiSkVCRkZBQzZQcSIsICJpYXQiOiAxNjAyOTgzMjQyLCAicm9sZSI6ICJyZWFkZXIifQ.rAU7DhOp88irMVNIwgYOCEobUDxpa8cPsrg0GZj2cZU" https://api.internal.corp/
curl -H "Authorization: Bearer $API_TOKEN" https://api.internal.corp/
curl -H "Authorization: Bearer ${{ secrets.DEPLOY_TOKEN }}" https://x
curl -H 'Authorization: Bearer <token>' https://api.example.com/
# Basic usage: run ./deploy.sh with a Bearer token in TOKEN
echo 'WWW-Authenticate: Basic realm="nexus"'
curl -H "Authorization: Basic $(echo -n $USER:$PASS | base64)" https://x
