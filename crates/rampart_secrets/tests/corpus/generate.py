#!/usr/bin/env python3
"""Generates the labelled secrets corpus (files/ + labels.tsv).

Every "secret" here is produced by a seeded random generator in the shape
(and, where the format has one, with the checksum) of a real credential.
None of them was ever issued by a provider: they are fakes, safe to commit.
Re-run to regenerate; the output is deterministic.

labels.tsv: file <TAB> line <TAB> expected detector id, or "none" for a
near-miss line that must not be reported. Any match on an unlabelled line
counts as a false positive too.
"""
import base64
import binascii
import json
import os
import random
import string

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
R = random.Random(20261123)

ALNUM = string.ascii_letters + string.digits
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
HEX = "0123456789abcdef"
B32 = string.ascii_uppercase + "234567"
BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
# Substrings the scanner treats as placeholders; a generated secret must not contain them.
BANNED = ["example", "test", "fake", "mock", "todo", "tbd", "xxxx", "dummy", "sample",
          "lorem", "qwerty", "fixme", "null", "none", "insert", "replace", "redacted",
          "password", "secret", "1234567", "0000000", "abcdefgh", "foobar"]


def clean(s):
    low = s.lower()
    return not any(b in low for b in BANNED)


def rnd(alphabet, n):
    while True:
        s = "".join(R.choice(alphabet) for _ in range(n))
        if clean(s) and sum(c.isdigit() for c in s) >= 1 and len(set(s)) > min(n // 3, 12):
            return s


def b62(n, width):
    d = ""
    while n:
        d = BASE62[n % 62] + d
        n //= 62
    return d.rjust(width, "0")


def crc_token(prefix):
    body = rnd(ALNUM, 30)
    return prefix + body + b62(binascii.crc32(body.encode()) & 0xFFFFFFFF, 6)


def password(n=16):
    sym = "!^-_=+.~"
    while True:
        s = rnd(ALNUM, n - 2) + R.choice(sym) + R.choice(string.digits)
        s = "".join(R.sample(s, len(s)))
        if clean(s):
            return s


def b64body(nbytes):
    return base64.b64encode(bytes(R.getrandbits(8) for _ in range(nbytes))).decode()


def pem(kind, lines=12):
    raw = b64body(48 * lines)
    body = "\n".join(raw[i:i + 64] for i in range(0, len(raw), 64))
    label = f"{kind} PRIVATE KEY" if kind else "PRIVATE KEY"
    if kind == "PGP":
        label = "PGP PRIVATE KEY BLOCK"
    return f"-----BEGIN {label}-----\n{body}\n-----END {label}-----"


def jwt():
    enc = lambda b: base64.urlsafe_b64encode(b).decode().rstrip("=")
    h = enc(json.dumps({"alg": R.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}).encode())
    p = enc(json.dumps({"sub": rnd(ALNUM, 10), "iat": R.randint(1600000000, 1700000000),
                        "role": R.choice(["admin", "service", "reader"])}).encode())
    return f"{h}.{p}.{enc(bytes(R.getrandbits(8) for _ in range(32)))}"


def uuid():
    h = rnd(HEX, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


GEN = {
    "aws-access-key-id": lambda: R.choice(["AKIA", "AKIA", "ASIA"]) + rnd(B32, 16),
    "aws-secret-access-key": lambda: rnd(B64, 40),
    "aws-session-token": lambda: "FwoGZXIvYXdz" + rnd(B64, 300),
    "gcp-api-key": lambda: "AIza" + rnd(B64URL, 35),
    "azure-storage-connection-string": lambda: b64body(64),
    "azure-storage-account-key": lambda: b64body(64),
    "azure-service-bus-connection-string": lambda: b64body(32),
    "azure-ad-client-secret": lambda: rnd(ALNUM, 3) + R.choice(string.digits) + "Q~" + rnd(ALNUM + "_-.~", 34),
    "github-classic-pat": lambda: crc_token("ghp_"),
    "github-oauth-token": lambda: crc_token("gho_"),
    "github-app-user-token": lambda: crc_token("ghu_"),
    "github-app-installation-token": lambda: crc_token("ghs_"),
    "github-refresh-token": lambda: crc_token("ghr_"),
    "github-fine-grained-pat": lambda: "github_pat_" + rnd(ALNUM, 22) + "_" + rnd(ALNUM, 59),
    "gitlab-pat": lambda: "glpat-" + rnd(ALNUM + "_-", 20),
    "gitlab-pipeline-trigger-token": lambda: "glptt-" + rnd(HEX, 40),
    "gitlab-runner-token": lambda: "glrt-" + rnd(ALNUM + "_-", 20),
    "slack-bot-token": lambda: f"xoxb-{R.randint(10**10, 10**11)}-{R.randint(10**12, 10**13)}-{rnd(ALNUM, 24)}",
    "slack-user-token": lambda: f"xoxp-{R.randint(10**10, 10**11)}-{R.randint(10**10, 10**11)}-{R.randint(10**11, 10**12)}-{rnd(HEX, 32)}",
    "slack-app-token": lambda: f"xapp-1-A{rnd(string.ascii_uppercase + string.digits, 10)}-{R.randint(10**12, 10**13)}-{rnd(HEX, 64)}",
    "slack-legacy-token": lambda: f"xoxs-{R.randint(10**9, 10**10)}-{rnd(ALNUM, 32)}",
    "slack-webhook-url": lambda: f"https://hooks.slack.com/services/T{rnd(string.ascii_uppercase + string.digits, 8)}/B{rnd(string.ascii_uppercase + string.digits, 10)}/{rnd(ALNUM, 24)}",
    "stripe-secret-key": lambda: "sk_live_" + rnd(ALNUM, R.choice([24, 99])),
    "stripe-restricted-key": lambda: "rk_live_" + rnd(ALNUM, 99),
    "twilio-api-key": lambda: "SK" + rnd(HEX, 32),
    "twilio-auth-token": lambda: rnd(HEX, 32),
    "sendgrid-api-key": lambda: "SG." + rnd(B64URL, 22) + "." + rnd(B64URL, 43),
    "mailgun-api-key": lambda: "key-" + rnd(HEX, 32),
    "npm-access-token": lambda: crc_token("npm_"),
    "pypi-upload-token": lambda: "pypi-AgEIcHlwaS5vcmc" + rnd(B64URL, 150),
    "dockerhub-pat": lambda: "dckr_pat_" + rnd(ALNUM + "_-", 27),
    "terraform-cloud-token": lambda: rnd(ALNUM, 14) + ".atlasv1." + rnd(ALNUM, 67),
    "vault-service-token": lambda: "hvs." + rnd(ALNUM + "_-", 91),
    "vault-batch-token": lambda: "hvb." + rnd(ALNUM + "_-", 120),
    "datadog-api-key": lambda: rnd(HEX, 32),
    "datadog-app-key": lambda: rnd(HEX, 40),
    "pagerduty-api-key": lambda: rnd(ALNUM + "_+-", 20),
    "heroku-api-key": uuid,
    "shopify-access-token": lambda: R.choice(["shpat_", "shpca_", "shppa_"]) + rnd(HEX, 32),
    "shopify-shared-secret": lambda: "shpss_" + rnd(HEX, 32),
    "digitalocean-pat": lambda: "dop_v1_" + rnd(HEX, 64),
    "digitalocean-oauth-token": lambda: R.choice(["doo_v1_", "dor_v1_"]) + rnd(HEX, 64),
    "linear-api-key": lambda: "lin_api_" + rnd(ALNUM, 40),
    "anthropic-api-key": lambda: "sk-ant-api03-" + rnd(B64URL, 93) + "AA",
    "openai-api-key": lambda: "sk-proj-" + rnd(B64URL, 74) + "T3BlbkFJ" + rnd(B64URL, 74),
    "jwt": jwt,
}


class Corpus:
    def __init__(self):
        self.files = {}
        self.labels = []

    def file(self, name, rows):
        """rows: list of (text, label or None). text may contain newlines."""
        lines = []
        for text, label in rows:
            if label is not None:
                self.labels.append((name, len(lines) + 1, label))
            lines.extend(text.split("\n"))
        self.files[name] = "\n".join(lines) + "\n"

    def write(self):
        os.makedirs(OUT, exist_ok=True)
        for f in os.listdir(OUT):
            os.remove(os.path.join(OUT, f))
        for name, text in self.files.items():
            with open(os.path.join(OUT, name), "w") as fh:
                fh.write(text)
        with open(os.path.join(HERE, "labels.tsv"), "w") as fh:
            fh.write("# file\tline\texpected (detector id or none)\n")
            for f, l, d in sorted(self.labels):
                fh.write(f"{f}\t{l}\t{d}\n")


def P(text, det):
    return (text, det)


def N(text):
    return (text, "none")


def T(text):
    return (text, None)


def main():
    c = Corpus()

    # ---- provider tokens in several file formats ---------------------------
    formats = [
        ("env", lambda k, v: f"{k}={v}"),
        ("yaml", lambda k, v: f"  {k.lower()}: \"{v}\""),
        ("py", lambda k, v: f"{k} = \"{v}\""),
        ("json", lambda k, v: f"  \"{k.lower()}\": \"{v}\","),
    ]
    names = {
        "aws-access-key-id": "AWS_ACCESS_KEY_ID", "gcp-api-key": "GOOGLE_MAPS_KEY",
        "azure-ad-client-secret": "AZURE_CLIENT_SECRET", "pagerduty-api-key": "PAGERDUTY_TOKEN",
        "twilio-auth-token": "TWILIO_AUTH_TOKEN", "datadog-api-key": "DD_API_KEY",
        "datadog-app-key": "DD_APP_KEY", "heroku-api-key": "HEROKU_API_KEY",
        "aws-secret-access-key": "AWS_SECRET_ACCESS_KEY", "aws-session-token": "AWS_SESSION_TOKEN",
    }
    for fmt_i, (ext, fmt) in enumerate(formats):
        rows = [T("# service configuration (generated fixture, all values fake)")]
        if ext == "json":
            rows = [T("{")]
        for det, gen in GEN.items():
            if det in ("azure-storage-connection-string", "azure-storage-account-key",
                       "azure-service-bus-connection-string", "jwt"):
                continue
            # Each provider token appears in two of the four formats.
            if (hash_of(det) + fmt_i) % 2:
                continue
            key = names.get(det, det.upper().replace("-", "_") + "_VALUE")
            rows.append(P(fmt(key, gen()), det))
        if ext == "json":
            rows.append(T("  \"end\": true\n}"))
        c.file(f"tokens.{ext}", rows)

    # ---- AWS ---------------------------------------------------------------
    c.file("aws_credentials.ini", [
        T("[default]"),
        P(f"aws_access_key_id = {GEN['aws-access-key-id']()}", "aws-access-key-id"),
        P(f"aws_secret_access_key = {GEN['aws-secret-access-key']()}", "aws-secret-access-key"),
        P(f"aws_session_token = {GEN['aws-session-token']()}", "aws-session-token"),
        T("[docs]"),
        N("aws_access_key_id = AKIAIOSFODNN7EXAMPLE"),
        N("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        N("region = us-east-1"),
    ])
    c.file("provider.tf", [
        T('provider "aws" {'),
        T('  region     = "eu-west-1"'),
        P(f'  access_key = "{GEN["aws-access-key-id"]()}"', "aws-access-key-id"),
        P(f'  secret_key = "{GEN["aws-secret-access-key"]()}"', "aws-secret-access-key"),
        T("}"),
        T(""),
        T('provider "aws" {'),
        T('  alias      = "docs"'),
        N('  access_key = var.aws_access_key'),
        N('  secret_key = var.aws_secret_key'),
        N('  token      = data.vault_aws_access_credentials.creds.security_token'),
        T("}"),
        T('resource "aws_db_instance" "main" {'),
        T('  engine            = "postgres"'),
        P(f'  password          = "{password()}"', "generic-password"),
        N('  username          = "dbadmin"'),
        N('  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"'),
        T("}"),
        T('resource "aws_rds_cluster" "aurora" {'),
        P(f'  master_password   = "{password(20)}"', "generic-password"),
        N('  master_username   = "root"'),
        T("}"),
        T('resource "aws_rds_cluster" "aurora2" {'),
        N('  master_password   = random_password.db.result'),
        N('  master_password_wo = var.db_password'),
        T("}"),
        T('resource "aws_iam_access_key" "ci" {'),
        N('  pgp_key = "keybase:ops"'),
        T("}"),
        T('resource "aws_secretsmanager_secret_version" "api" {'),
        N('  secret_id     = aws_secretsmanager_secret.api.id'),
        P(f'  secret_string = "{rnd(ALNUM, 32)}"', "generic-secret"),
        T("}"),
        T('resource "aws_secretsmanager_secret_version" "api2" {'),
        N('  secret_string = jsonencode({ password = random_password.api.result })'),
        T("}"),
    ])

    # ---- Terraform generic ---------------------------------------------------
    tf_rows = [T('# module inputs')]
    for key in ["password", "admin_password", "db_password", "client_secret", "api_key",
                "access_token", "auth_token", "secret", "token", "private_key_password",
                "encryption_key", "signing_key", "webhook_secret", "apiToken", "clientSecret"]:
        kind = "generic-password" if "password" in key.lower() else "generic-secret"
        v = password(18) if kind == "generic-password" else rnd(ALNUM + "-_", 32)
        tf_rows.append(P(f'  {key} = "{v}"', kind))
    tf_rows += [
        N('  password            = var.admin_password'),
        N('  password            = local.db_password'),
        N('  client_secret       = data.azurerm_key_vault_secret.sp.value'),
        N('  api_key             = module.secrets.api_key'),
        N('  token               = "${var.token}"'),
        N('  secret              = "${data.aws_ssm_parameter.x.value}"'),
        N('  password            = "<db-password>"'),
        N('  admin_password      = "changeme"'),
        N('  admin_password      = "ChangeMe123!"'),
        N('  api_key             = "your-api-key-here"'),
        N('  token               = "xxxxxxxxxxxxxxxxxxxx"'),
        N('  password            = "********"'),
        N('  password            = "dummy-password"'),
        N('  password            = "test1234"'),
        N('  password            = "password"'),
        N('  password            = "s3cr3t"'),
        N('  password            = ""'),
        N('  password_length     = 24'),
        N('  min_password_length = 14'),
        N('  secret_name         = "prod/db/credentials"'),
        N('  secret_arn          = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod-db-AbCdEf"'),
        N('  token_ttl           = 3600'),
        N('  secret              = "prod-database-credentials"'),
        N('  enable_token_auth   = true'),
        N('  public_key          = file("~/.ssh/id_rsa.pub")'),
        N('  private_key         = file("${path.module}/keys/deploy.pem")'),
        N('  private_key         = tls_private_key.deploy.private_key_pem'),
        N('  client_secret       = azuread_application_password.app.value'),
        N('  password            = sensitive(var.password)'),
        N('  token               = lookup(var.tokens, "ci", null)'),
        N('  api_key             = each.value.api_key'),
        N('  password            = null'),
        N(f'  source_commit       = "{rnd(HEX, 40)}"'),
        N(f'  client_id           = "{uuid()}"'),
        N(f'  tenant_id           = "{uuid()}"'),
        N(f'  image_digest        = "sha256:{rnd(HEX, 64)}"'),
        N(f'  source_code_hash    = "{b64body(32)}"'),
        N(f'  etag                = "{rnd(HEX, 32)}"'),
        N('  ami                 = "ami-0c55b159cbfafe1f0"'),
        N(f'  user_data_base64    = "{b64body(120)}"'),
        N('  secret_version      = "AWSCURRENT"'),
        N('  password_policy     = "strict"'),
    ]
    c.file("variables_and_modules.tf", tf_rows)

    c.file("terraform.tfvars", [
        P(f'db_password = "{password()}"', "generic-password"),
        P(f'datadog_api_key = "{GEN["datadog-api-key"]()}"', "datadog-api-key"),
        P(f'github_token = "{GEN["github-classic-pat"]()}"', "github-classic-pat"),
        P(f'tfe_token = "{GEN["terraform-cloud-token"]()}"', "terraform-cloud-token"),
        N('db_username = "app"'),
        N('environment = "production"'),
        N(f'github_token = "ghp_{rnd(ALNUM, 36)}"'),
        N(f'npm_token = "npm_{rnd(ALNUM, 36)}"'),
        N(f'stripe_key = "sk_test_{rnd(ALNUM, 24)}"'),
        N('slack_webhook = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"'),
    ])

    lock = [T("# This file is maintained automatically by \"terraform init\".")]
    for prov in ["hashicorp/aws", "hashicorp/random", "hashicorp/tls", "hashicorp/azurerm"]:
        lock += [T(f'provider "registry.terraform.io/{prov}" {{'), T('  version = "5.100.0"'), T("  hashes = [")]
        lock.append(N(f'    "h1:{b64body(32)}",'))
        for _ in range(3):
            lock.append(N(f'    "zh:{rnd(HEX, 64)}",'))
        lock += [T("  ]"), T("}")]
    c.file(".terraform.lock.hcl", lock)

    # ---- Kubernetes ------------------------------------------------------------
    pw = password()
    c.file("k8s-secret.yaml", [
        T("apiVersion: v1"), T("kind: Secret"), T("metadata:"), T("  name: db"), T("type: Opaque"),
        T("data:"),
        N(f"  username: {base64.b64encode(b'appuser').decode()}"),
        P(f"  password: {base64.b64encode(pw.encode()).decode()}", "kubernetes-secret-value"),
        P(f"  api-token: {base64.b64encode(rnd(ALNUM, 40).encode()).decode()}", "kubernetes-secret-value"),
        N(f"  host: {base64.b64encode(b'db.internal.svc').decode()}"),
        N(f"  placeholder: {base64.b64encode(b'changeme').decode()}"),
        T("stringData:"),
        P(f"  admin-password: \"{password()}\"", "kubernetes-secret-value"),
        P(f"  jwt-signing-key: {rnd(ALNUM, 48)}", "kubernetes-secret-value"),
        N("  port: \"5432\""),
        N("  note: \"${ADMIN_PASSWORD}\""),
        T("---"),
        T("apiVersion: apps/v1"), T("kind: Deployment"), T("metadata:"), T("  name: api"),
        T("spec:"), T("  template:"), T("    spec:"), T("      containers:"), T("        - name: api"),
        T("          env:"),
        T("            - name: DB_PASSWORD"),
        T("              valueFrom:"),
        N("                secretKeyRef: {name: db, key: password}"),
        T("            - name: API_TOKEN"),
        P(f"              value: \"{rnd(ALNUM, 36)}\"", "generic-secret"),
        T("            - name: ADMIN_PASSWORD"),
        P(f"              value: {password()}", "generic-password"),
        T("            - name: LOG_LEVEL"),
        N("              value: debug"),
        T("            - name: CACHE_PASSWORD"),
        N("              value: \"$(REDIS_PASSWORD)\""),
        T("          image: nginx"),
        N(f"          image: registry.internal/api@sha256:{rnd(HEX, 64)}"),
        T("---"),
        T("apiVersion: v1"), T("kind: ConfigMap"), T("metadata:"), T("  name: cfg"), T("data:"),
        N(f"  build_sha: \"{rnd(HEX, 40)}\""),
        N(f"  request_id: \"{uuid()}\""),
    ])

    # ---- CloudFormation --------------------------------------------------------
    c.file("cfn-template.yaml", [
        T("AWSTemplateFormatVersion: '2010-09-09'"),
        T("Parameters:"),
        T("  DBPassword:"), T("    Type: String"), T("    NoEcho: true"),
        P(f"    Default: \"{password()}\"", "cloudformation-parameter-default"),
        T("  ApiSecretValue:"), T("    Type: String"),
        P(f"    Default: {rnd(ALNUM, 30)}", "cloudformation-parameter-default"),
        T("  AdminPassword:"), T("    Type: String"), T("    NoEcho: true"), T("    MinLength: 12"),
        T("  Environment:"), T("    Type: String"),
        N("    Default: production"),
        T("  InstanceType:"), T("    Type: String"),
        N("    Default: t3.micro"),
        T("  ReplicaPassword:"), T("    Type: String"), T("    NoEcho: true"),
        N("    Default: \"\""),
        T("Resources:"),
        T("  DB:"), T("    Type: AWS::RDS::DBInstance"), T("    Properties:"),
        N("      MasterUserPassword: !Ref DBPassword"),
        N("      MasterUsername: '{{resolve:secretsmanager:prod/db:SecretString:username}}'"),
        T("  DB2:"), T("    Type: AWS::RDS::DBInstance"), T("    Properties:"),
        N("      MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'"),
        P(f"      TdeCredentialPassword: \"{password()}\"", "generic-password"),
        T("  Fn:"), T("    Type: AWS::Lambda::Function"), T("    Properties:"),
        T("      Environment:"), T("        Variables:"),
        N("          API_TOKEN: !Sub '{{resolve:ssm-secure:/app/token}}'"),
        N("          DB_PASSWORD: !GetAtt Secret.Password"),
        P(f"          STRIPE_KEY: {GEN['stripe-secret-key']()}", "stripe-secret-key"),
    ])
    c.file("cfn-template.json", [
        T("{"), T('  "AWSTemplateFormatVersion": "2010-09-09",'), T('  "Parameters": {'),
        T('    "MasterPassword": {'), T('      "Type": "String",'), T('      "NoEcho": "true",'),
        P(f'      "Default": "{password()}"', "cloudformation-parameter-default"),
        T("    },"),
        T('    "BucketName": {'), T('      "Type": "String",'),
        N('      "Default": "my-application-logs-bucket"'),
        T("    }"), T("  },"), T('  "Resources": {}'), T("}"),
    ])

    # ---- Dockerfile / .env / compose ---------------------------------------------
    c.file("Dockerfile", [
        T("FROM python:3.12-slim"),
        P(f"ENV DB_PASSWORD={password()}", "generic-password"),
        P(f"ENV API_SECRET {rnd(ALNUM, 32)}", "generic-secret"),
        P(f"ARG NPM_TOKEN={GEN['npm-access-token']()}", "npm-access-token"),
        P(f"ARG ADMIN_PASS={password()}", "generic-password"),
        N("ARG DB_PASSWORD"),
        N("ENV DB_PASSWORD_FILE=/run/secrets/db_password"),
        N("ENV API_TOKEN=${API_TOKEN}"),
        N("ENV SECRET_KEY_BASE=$SECRET_KEY_BASE"),
        N("RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci"),
        N(f"RUN echo \"{rnd(HEX, 64)}  app.tar.gz\" | sha256sum -c -"),
        T("CMD [\"python\", \"app.py\"]"),
    ])
    c.file(".env.production", [
        P(f"DATABASE_URL=postgres://app:{password()}@db.prod.internal:5432/app", "database-uri-password"),
        P(f"REDIS_URL=redis://:{password()}@cache.prod.internal:6379/0", "database-uri-password"),
        P(f"SECRET_KEY={rnd(ALNUM + '!^-_=+', 50)}", "generic-secret"),
        P(f"SMTP_PASSWORD={password()}", "generic-password"),
        P(f"SENTRY_AUTH_TOKEN={rnd(HEX, 64)}a", "generic-secret"),
        N("API_TOKEN="),
        N("JWT_SECRET=${JWT_SECRET}"),
        N("SESSION_SECRET=changeme"),
        N("ADMIN_PASSWORD=<set-me>"),
        N("DB_PASSWORD=postgres"),
        N("DEBUG=false"),
        N("DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app"),
        N("BROKER_URL=amqp://guest:guest@localhost:5672//"),
    ])
    c.file("docker-compose.yml", [
        T("services:"), T("  db:"), T("    image: postgres:16"), T("    environment:"),
        P(f"      POSTGRES_PASSWORD: {password()}", "generic-password"),
        N("      POSTGRES_PASSWORD_FILE: /run/secrets/db"),
        N("      POSTGRES_USER: app"),
        T("  app:"), T("    environment:"),
        P(f"      - MONGO_URL=mongodb+srv://svc:{password()}@cluster0.ab1cd.mongodb.net/app", "database-uri-password"),
        P(f"      - AMQP_URL=amqps://worker:{password()}@mq.internal:5671/vhost", "database-uri-password"),
        P(f"      - MYSQL_DSN=mysql://root:{password()}@mysql:3306/app", "database-uri-password"),
        N("      - MYSQL_DSN=mysql://root:${MYSQL_ROOT_PASSWORD}@mysql:3306/app"),
        N("      - API_KEY=${API_KEY:?missing}"),
        N("      - PUBLIC_URL=https://app.internal.corp:8443/path"),
    ])

    # ---- CI / GitHub Actions ------------------------------------------------------
    c.file("ci-workflow.yml", [
        T("name: ci"), T("on: push"), T("jobs:"), T("  build:"), T("    runs-on: ubuntu-latest"),
        T("    env:"),
        N("      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}"),
        N("      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}"),
        P(f"      SONAR_TOKEN: {rnd(HEX, 40)}f3", "generic-secret"),
        P(f"      DOCKERHUB_TOKEN: {GEN['dockerhub-pat']()}", "dockerhub-pat"),
        T("    steps:"),
        T("      - uses: actions/checkout@8ade135a41bc03ea155e62e844d188df1ea18608"),
        N(f"      - uses: docker/login-action@{rnd(HEX, 40)}"),
        P(f"      - run: git clone https://ci-bot:{GEN['github-classic-pat']()}@github.com/org/repo.git", "github-classic-pat"),
        P(f"      - run: git push https://deployer:{password()}@git.internal.corp/org/app.git", "url-basic-auth"),
        N("      - run: echo \"token=$TOKEN\" >> $GITHUB_OUTPUT"),
    ])

    # ---- code --------------------------------------------------------------------
    c.file("settings.py", [
        T("import os"),
        P(f"SECRET_KEY = \"{rnd(ALNUM + '!^-_=+', 50)}\"", "generic-secret"),
        P(f"DATABASE_PASSWORD = '{password()}'", "generic-password"),
        P(f"STRIPE_API_KEY = \"{GEN['stripe-secret-key']()}\"", "stripe-secret-key"),
        P(f"OPENAI_API_KEY = \"{GEN['openai-api-key']()}\"", "openai-api-key"),
        P(f"ANTHROPIC_API_KEY = \"{GEN['anthropic-api-key']()}\"", "anthropic-api-key"),
        P(f"client = Client(token=\"{GEN['slack-bot-token']()}\")", "slack-bot-token"),
        P(f"engine = create_engine(\"postgresql://etl:{password()}@warehouse.internal/dw\")", "database-uri-password"),
        N("PASSWORD = os.environ[\"PASSWORD\"]"),
        N("API_KEY = os.getenv(\"API_KEY\")"),
        N("token = get_token()"),
        N("password = self.password"),
        N("DB_PASSWORD = config('DB_PASSWORD')"),
        N("query = \"SELECT * FROM users WHERE password = %(password)s\""),
        N("secret = settings.SECRET_KEY"),
        N("if password == \"\": raise ValueError"),
        N("def check_password(password: str) -> bool:"),
        N("    pass"),
        N("TOKEN_URL = \"https://oauth2.googleapis.com/token\""),
        N("PASSWORD_RESET_TIMEOUT = 259200"),
        N("password_hash = bcrypt.hashpw(password, bcrypt.gensalt())"),
        N("ACCESS_TOKEN_EXPIRE_MINUTES = 30"),
        N(f"COMMIT = \"{rnd(HEX, 40)}\""),
        N(f"ICON = \"data:image/png;base64,iVBORw0KGgo{b64body(300)}\""),
        N("ssh_key = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host'"),
        N("jwt_unsigned = \"eyJhbGciOiJub25lIn0." + base64.urlsafe_b64encode(b'{"sub":"x"}').decode().rstrip('=') + ".\""),
        N(f"blob = \"eyJhdXRocyI6e319{b64body(30)}\""),
    ])
    c.file("app.js", [
        P(f"const stripe = require('stripe')('{GEN['stripe-restricted-key']()}');", "stripe-restricted-key"),
        P(f"const apiKey = \"{rnd(ALNUM, 40)}\";", "generic-secret"),
        P(f"const sg = '{GEN['sendgrid-api-key']()}';", "sendgrid-api-key"),
        P(f"fetch(url, {{ headers: {{ Authorization: 'Bearer {jwt()}' }} }});", "jwt"),
        N("const token = process.env.TOKEN;"),
        N("const password = req.body.password;"),
        N("const apiKey = config.apiKey;"),
        N("const secret = await vault.read('secret/data/app');"),
        N(f"const integrity = \"sha512-{b64body(64)}\";"),
        N(f"const traceId = \"{uuid()}\";"),
        N("const url = `https://${user}:${pass}@${host}`;"),
        N("const placeholder = { password: '' };"),
    ])

    # ---- keys ----------------------------------------------------------------------
    rows = []
    for kind in ["RSA", "EC", "OPENSSH", "", "ENCRYPTED", "DSA", "PGP"]:
        rows.append(P(pem(kind), "private-key"))
        rows.append(T(""))
    rows += [
        N("-----BEGIN PUBLIC KEY-----"), T(b64body(200)), T("-----END PUBLIC KEY-----"),
        N("-----BEGIN CERTIFICATE-----"), T(b64body(300)), T("-----END CERTIFICATE-----"),
        N("-----BEGIN RSA PRIVATE KEY-----"), T("..."), T("-----END RSA PRIVATE KEY-----"),
        N("-----BEGIN PRIVATE KEY-----"), T("<your key here>"), T("-----END PRIVATE KEY-----"),
        N("-----BEGIN OPENSSH PRIVATE KEY-----"), T("REDACTED"), T("-----END OPENSSH PRIVATE KEY-----"),
    ]
    c.file("keys.pem", rows)
    raw = pem("RSA", 20).replace("\n", "\\n")
    c.file("tls.tf", [
        T('resource "kubernetes_secret" "tls" {'),
        P(f'  tls_key = "{raw}"', "private-key"),
        N('  tls_crt = "-----BEGIN CERTIFICATE-----\\nMIIB...\\n-----END CERTIFICATE-----"'),
        T("}"),
    ])
    sa_key = pem("", 26).replace("\n", "\\n") + "\\n"
    c.file("gcp-service-account.json", [
        T("{"), N('  "type": "service_account",'), N('  "project_id": "acme-prod-271828",'),
        N(f'  "private_key_id": "{rnd(HEX, 40)}",'),
        P(f'  "private_key": "{sa_key}",', "gcp-service-account-key"),
        N('  "client_email": "deployer@acme-prod-271828.iam.gserviceaccount.com",'),
        N(f'  "client_id": "{R.randint(10**20, 10**21)}",'),
        N('  "auth_uri": "https://accounts.google.com/o/oauth2/auth",'),
        N('  "token_uri": "https://oauth2.googleapis.com/token",'),
        T('  "universe_domain": "googleapis.com"'), T("}"),
    ])

    # ---- Azure -----------------------------------------------------------------------
    c.file("azure.tf", [
        T('resource "azurerm_app_service" "web" {'), T("  app_settings = {"),
        P(f'    "STORAGE" = "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey={GEN["azure-storage-connection-string"]()};EndpointSuffix=core.windows.net"', "azure-storage-connection-string"),
        P(f'    "BUS" = "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={GEN["azure-service-bus-connection-string"]()}"', "azure-service-bus-connection-string"),
        N('    "STORAGE2" = azurerm_storage_account.main.primary_connection_string'),
        N('    "DEV" = "UseDevelopmentStorage=true"'),
        T("  }"), T("}"),
        P(f'  storage_account_key = "{GEN["azure-storage-account-key"]()}"', "azure-storage-account-key"),
        P(f'  client_secret = "{GEN["azure-ad-client-secret"]()}"', "azure-ad-client-secret"),
        N('  client_secret = azuread_service_principal_password.sp.value'),
        N(f'  subscription_id = "{uuid()}"'),
        N('  access_key = azurerm_storage_account.main.primary_access_key'),
        N('  sas = data.azurerm_storage_account_sas.x.sas'),
    ])

    # ---- misc near misses --------------------------------------------------------------
    c.file("README.md", [
        T("# Setup"),
        N("Set `AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE` in your shell."),
        N("Export `GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`."),
        N("Connect with `psql postgres://user:password@localhost/db`."),
        N("Tokens look like `xoxb-<team>-<bot>-<secret>`."),
        N("Use `https://user@github.com/org/repo.git` for SSH-less clones."),
        N("The Twilio account SID AC" + rnd(HEX, 32) + " is not a secret."),
        N("Header `X-API-Key: <key>` is required."),
        N("Run `vault login -method=github token=$GITHUB_TOKEN`."),
        N("Checksum: " + rnd(HEX, 64)),
        N("Object id " + uuid() + " refers to the app."),
        N("The `password` argument is sensitive."),
        N("See https://example.com/docs?token=abc for details."),
        N(f"Build {rnd(HEX, 40)} passed."),
        N("ASIAPACIFICSOUTHEAST region alias in the docs."),
        N("mailgun key-abc is revoked"),
        N("the SKU is SK-123 and the desk is SKY"),
        N(f"docker pull alpine@sha256:{rnd(HEX, 64)}"),
        N("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
    ])
    c.file("config.json", [
        T("{"),
        P(f'  "db_password": "{password()}",', "generic-password"),
        P(f'  "apiKey": "{rnd(ALNUM, 32)}",', "generic-secret"),
        P(f'  "slack": "{GEN["slack-webhook-url"]()}",', "slack-webhook-url"),
        P(f'  "vault_token": "{GEN["vault-service-token"]()}",', "vault-service-token"),
        P(f'  "jwt": "{jwt()}",', "jwt"),
        P(f'  "proxy": "http://svc-proxy:{password()}@proxy.corp.internal:3128",', "url-basic-auth"),
        N('  "password": "",'),
        N('  "password": null,'),
        N('  "passwordMinLength": 12,'),
        N('  "tokenEndpoint": "https://login.microsoftonline.com/common/oauth2/v2.0/token",'),
        N('  "apiKeyHeader": "X-Api-Key",'),
        N('  "secretRef": "app-secrets",'),
        N(f'  "nonce": "{rnd(HEX, 32)}",'),
        N(f'  "version": "{rnd(HEX, 40)}",'),
        N(f'  "logo": "data:image/png;base64,{b64body(240)}",'),
        N('  "ecsTask": {"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:111122223333:parameter/db"},'),
        P(f'  "container": {{"name": "API_TOKEN", "value": "{rnd(ALNUM, 40)}"}},', "generic-secret"),
        N('  "token": "{{ token }}",'),
        N('  "secret": "%SECRET%",'),
        T('  "end": true'),
        T("}"),
    ])
    # ---- shapes seen in real code that must stay quiet ---------------------------------
    c.file("stubs.pyi", [
        N("    password: Incomplete"),
        N("    private_key: str | None"),
        N("TOKEN_ALL_ACCESS: int"),
        N("    sasl_credentials: Incomplete"),
    ])
    c.file("api-examples.json", [
        T("{"),
        N('  "NextToken": "' + b64body(60) + '",'),
        N('  "nextPageToken": "' + rnd(ALNUM, 40) + '",'),
        N('  "output_token": "StreamingDistributionList.NextMarker",'),
        N('  "ContinuationToken": "' + b64body(45) + '",'),
        N('  "csrf_token": "' + rnd(ALNUM, 32) + '",'),
        P('  "ServicePassword": "' + b64body(32) + '",', "generic-password"),
        P('  "authToken": "' + rnd(ALNUM, 28) + '"', "generic-secret"),
        T("}"),
    ])
    c.file("constants.py", [
        N("ACCESS_KEY = 'AWSAccessKeyId'"),
        N("SECRET_KEY = 'AWSSecretKey'"),
        N("WaitForTaskToken = \"waitForTaskToken\""),
        N("ACL_CREDENTIALS = \"Access-Control-Allow-Credentials\""),
        N("PassStateEntered = \"PassStateEntered\""),
        N("msg = f'invalid token: \"{current_phrase}\"'"),
        N("STYLE = {Token.String: '#ansiyellow'}"),
        N("password_last_used = \"no_information\""),
        N("INCORRECT_PASSWD = \"Incorrect\""),
        P(f"SMTP_PASSWORD = '{password()}'", "generic-password"),
    ])
    c.file("variables.tf", [
        T('variable "db_password" {'), T('  type      = string'),
        P(f'  default   = "{password()}"', "generic-password"),
        T("}"),
        T('variable "datadog_key" {'), T('  type      = string'), T('  sensitive = true'),
        P(f'  default   = "{rnd(ALNUM, 30)}"', "generic-password"),
        T("}"),
        T('variable "github_webhook_secret" {'),
        P(f'  default   = "{rnd(ALNUM, 40)}"', "generic-secret"),
        T('  sensitive = true'),
        T("}"),
        T('variable "instance_type" {'),
        N('  default   = "m5.large"'),
        T("}"),
        T('variable "admin_password" {'), T('  type      = string'), T('  sensitive = true'),
        N('  default   = ""'),
        T("}"),
        T('variable "api_token" {'),
        N('  default   = null'),
        T("}"),
        T('variable "bucket_name" {'),
        N(f'  default   = "logs-{rnd(HEX, 12)}"'),
        T("}"),
        T('variable "tags" {'),
        T('  default = {'),
        N('    owner = "platform"'),
        T("  }"),
        T("}"),
    ])
    basic = base64.b64encode(f"deploy:{password()}".encode()).decode()
    c.file("deploy.sh", [
        T("#!/bin/sh"),
        P(f"curl -H \"Authorization: Bearer {rnd(ALNUM, 40)}\" https://api.internal.corp/v1/deploy", "http-authorization-header"),
        P(f"curl -H 'Authorization: Basic {basic}' https://nexus.internal.corp/upload", "http-authorization-header"),
        P(f"http --auth-type=bearer GET api.internal/x \"Authorization:Bearer {rnd(ALNUM + '-_', 32)}\"", "http-authorization-header"),
        P(f"curl -H \"Authorization: Bearer {jwt()}\" https://api.internal.corp/", "jwt"),
        N("curl -H \"Authorization: Bearer $API_TOKEN\" https://api.internal.corp/"),
        N("curl -H \"Authorization: Bearer ${{ secrets.DEPLOY_TOKEN }}\" https://x"),
        N("curl -H 'Authorization: Bearer <token>' https://api.example.com/"),
        N("# Basic usage: run ./deploy.sh with a Bearer token in TOKEN"),
        N("echo 'WWW-Authenticate: Basic realm=\"nexus\"'"),
        N(f"curl -H \"Authorization: Basic $(echo -n $USER:$PASS | base64)\" https://x"),
    ])
    c.file("appsettings.json", [
        T("{"), T('  "ConnectionStrings": {'),
        P(f'    "Default": "Server=sql.internal;Database=app;User Id=app;Password={password()};",', "generic-password"),
        P(f'    "Reporting": "Driver={{ODBC Driver 18}};Server=rep;Uid=rep;Pwd={password()};Encrypt=yes",', "generic-password"),
        N('    "Local": "Server=(localdb)\\\\mssqllocaldb;Database=app;Trusted_Connection=True;"'),
        N('    "Vault": "Server=sql;Database=app;User Id=app;Password=${SQL_PASSWORD};"'),
        T("  }"), T("}"),
    ])
    c.write()
    n_pos = sum(1 for l in c.labels if l[2] != "none")
    n_neg = sum(1 for l in c.labels if l[2] == "none")
    print(f"{len(c.files)} files, {n_pos} secrets, {n_neg} near-misses")


def hash_of(s):
    return sum(map(ord, s))


if __name__ == "__main__":
    main()
