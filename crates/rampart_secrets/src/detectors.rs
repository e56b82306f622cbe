//! The detector catalogue: metadata, documentation and matching rule of
//! every detector. The order of [`DETECTORS`] is also the priority used when
//! two detectors claim overlapping text: the earlier one wins, so specific
//! provider formats come first and the generic keyword detectors last.

use rampart_model::Severity;

/// How a detector finds candidates. Private to the crate.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Rule {
    /// Regexes (capture group 1 is the secret) run on the line of an anchor hit.
    Token {
        anchors: &'static [&'static str],
        patterns: &'static [&'static str],
        check: Check,
    },
    /// A PEM private-key block (also inside JSON strings with `\n` escapes).
    PrivateKey,
    /// A Google service-account key file: `"private_key"` next to `"type": "service_account"`.
    GcpServiceAccount,
    /// Three base64url parts whose header decodes to JSON with `alg`.
    Jwt,
    /// Password in the userinfo of a URL; `db` selects database schemes.
    UrlPassword { db: bool },
    /// `Authorization: Bearer …` / `Basic …` credentials.
    AuthHeader,
    /// Kubernetes `Secret` `data` (base64) and `stringData` values.
    KubernetesSecret,
    /// CloudFormation parameter `Default` for `NoEcho` or password-like parameters.
    CloudFormationDefault,
    /// Literal value given to a password-like key (HCL, YAML, JSON, .env, Dockerfile, code).
    GenericPassword,
    /// Literal value given to a secret/token/key-like key.
    GenericSecret,
}

/// Extra validation of a token candidate.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Check {
    /// Minimum Shannon entropy of the whole candidate.
    Entropy(f64),
    /// AWS access key id: base32 tail with a digit, no `EXAMPLE`.
    AwsKeyId,
    /// 40 base64 characters, high entropy, AWS context in the file.
    AwsSecret,
    /// CRC32/base62 checksum in the last 6 characters after a prefix of this length.
    Crc32Base62 { prefix: usize },
}

/// One kind of secret the scanner recognises.
#[derive(Debug)]
pub struct Detector {
    /// Stable kebab-case id, e.g. `aws-access-key-id`.
    pub id: &'static str,
    /// One-line title.
    pub title: &'static str,
    pub severity: Severity,
    /// Peer ids for the same kind of secret: Checkov `CKV_SECRET_*`, gitleaks rule ids.
    pub aliases: &'static [&'static str],
    /// What the detector matches and why that matters.
    pub description: &'static str,
    /// How to fix a finding: revoke/rotate, then move the value to a secret store.
    pub remediation: &'static str,
    pub(crate) rule: Rule,
}

impl serde::Serialize for Detector {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Detector", 6)?;
        st.serialize_field("id", self.id)?;
        st.serialize_field("title", self.title)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("aliases", self.aliases)?;
        st.serialize_field("description", self.description)?;
        st.serialize_field("remediation", self.remediation)?;
        st.end()
    }
}

macro_rules! store {
    () => {
        " Then delete the literal from the file (and from version-control history if it was \
         pushed) and have the deployment read the value at run time from a secret store \
         (AWS Secrets Manager or SSM SecureString, Azure Key Vault, GCP Secret Manager, \
         HashiCorp Vault, a Kubernetes Secret created outside the repository, or a CI secret)."
    };
}

use Check::*;
use Rule::*;
use Severity::*;

pub(crate) static DETECTORS: &[Detector] = &[
    // ---------------------------------------------------------------- AWS
    Detector {
        id: "aws-access-key-id",
        title: "AWS access key id",
        severity: Critical,
        aliases: &["CKV_SECRET_2", "aws-access-token"],
        description: "An IAM access key id (`AKIA…` long-term, `ASIA…` temporary, and the \
            `ABIA`/`ACCA`/`A3T…` variants): four letters followed by sixteen base32 characters. \
            The id alone identifies a key pair; where it is committed the secret half is usually \
            next to it. AWS's documented sample ids (containing `EXAMPLE`) are deliberately not \
            reported.",
        remediation: concat!(
            "Deactivate and delete the access key in IAM (or revoke the role \
            session), check CloudTrail for its use, and prefer roles or IAM Identity Center over \
            long-term keys.",
            store!()
        ),
        rule: Token {
            anchors: &["AKIA", "ASIA", "ABIA", "ACCA", "A3T"],
            patterns: &[r"((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}|A3T[A-Z0-9][A-Z2-7]{16})"],
            check: AwsKeyId,
        },
    },
    Detector {
        id: "aws-secret-access-key",
        title: "AWS secret access key",
        severity: Critical,
        aliases: &["CKV_SECRET_2", "aws-access-token"],
        description: "A 40-character base64 value assigned to an AWS secret-key name \
            (`aws_secret_access_key`, `secret_key` in a file that mentions AWS, \
            `SecretAccessKey`). With the matching key id it gives full API access as that IAM \
            principal.",
        remediation: concat!(
            "Deactivate and delete the key pair in IAM, review CloudTrail for \
            its use, and switch to roles or short-lived credentials.",
            store!()
        ),
        rule: Token {
            anchors: &[
                "secret_access_key",
                "SECRET_ACCESS_KEY",
                "SecretAccessKey",
                "secretAccessKey",
                "secret-access-key",
                "secret_key",
                "SECRET_KEY",
                "secretKey",
                "SecretKey",
                "aws_secret",
                "AWS_SECRET",
            ],
            patterns: &[
                r#"(?i:(?:aws)?[_\-.]?secret[_\-.]?(?:access)?[_\-.]?key)[A-Za-z0-9_\-]{0,12}["']?\s*(?::=|=>|=|:|,)\s*["'`]?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)"#,
            ],
            check: AwsSecret,
        },
    },
    Detector {
        id: "aws-session-token",
        title: "AWS session token",
        severity: High,
        aliases: &[],
        description: "A temporary STS session token (long base64, usually starting \
            `FwoGZXIvYXdz` or `IQoJb3JpZ2luX2Vj`) or a long base64 value assigned to \
            `aws_session_token`/`security_token`. It works with its key pair until it expires.",
        remediation: concat!(
            "Revoke the role's active sessions (IAM 'Revoke active sessions') \
            and rotate the key pair that was used to mint the token.",
            store!()
        ),
        rule: Token {
            anchors: &[
                "session_token",
                "SESSION_TOKEN",
                "SessionToken",
                "sessionToken",
                "security_token",
                "SECURITY_TOKEN",
                "SecurityToken",
                "FwoGZXIvYXdz",
                "IQoJb3JpZ2luX2Vj",
            ],
            patterns: &[
                r"((?:FwoGZXIvYXdz|IQoJb3JpZ2luX2Vj)[A-Za-z0-9/+]{80,}={0,2})",
                r#"(?i:session[_\-]?token|security[_\-]?token)["']?\s*(?::=|=>|=|:)\s*["']?([A-Za-z0-9/+]{100,}={0,2})"#,
            ],
            check: Entropy(4.5),
        },
    },
    // ---------------------------------------------------------------- GCP
    Detector {
        id: "gcp-service-account-key",
        title: "Google Cloud service-account private key",
        severity: Critical,
        aliases: &["CKV_SECRET_13", "private-key"],
        description: "The `private_key` of a service-account key file (JSON with \
            `\"type\": \"service_account\"`). Anyone holding it can act as the service account.",
        remediation: concat!(
            "Delete the key in IAM > Service accounts > Keys, audit its use, \
            and prefer workload identity federation or attached service accounts over key files.",
            store!()
        ),
        rule: GcpServiceAccount,
    },
    Detector {
        id: "gcp-api-key",
        title: "Google API key",
        severity: High,
        aliases: &["gcp-api-key"],
        description: "A Google API key: `AIza` followed by 35 URL-safe characters. Unrestricted \
            keys can be billed against the project or read data of enabled APIs.",
        remediation: concat!(
            "Delete or regenerate the key in APIs & Services > Credentials and \
            restrict new keys by API and referrer/IP.",
            store!()
        ),
        rule: Token {
            anchors: &["AIza"],
            patterns: &[r"(AIza[0-9A-Za-z_\-]{35})"],
            check: Entropy(3.5),
        },
    },
    // ---------------------------------------------------------------- Azure
    Detector {
        id: "azure-storage-connection-string",
        title: "Azure storage connection string with account key",
        severity: Critical,
        aliases: &["CKV_SECRET_3"],
        description: "`AccountKey=` followed by an 88-character base64 storage account key, as \
            in `DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…`. The account key \
            grants full control of every blob, queue, table and file share in the account.",
        remediation: concat!(
            "Rotate the account key (Access keys > Rotate key) and move \
            clients to Entra ID authentication or short-lived SAS tokens.",
            store!()
        ),
        rule: Token {
            anchors: &["AccountKey="],
            patterns: &[r"AccountKey=([A-Za-z0-9+/]{86}==)"],
            check: Entropy(4.5),
        },
    },
    Detector {
        id: "azure-storage-account-key",
        title: "Azure storage account key",
        severity: Critical,
        aliases: &["CKV_SECRET_3"],
        description: "An 88-character base64 storage account key assigned to a name such as \
            `storage_account_key`, `account_key` or `primary_access_key`.",
        remediation: concat!(
            "Rotate the account key in the storage account's Access keys \
            blade and prefer Entra ID (RBAC) access.",
            store!()
        ),
        rule: Token {
            anchors: &[
                "account_key",
                "ACCOUNT_KEY",
                "accountKey",
                "AccountKey",
                "storage_key",
                "STORAGE_KEY",
                "storageKey",
                "access_key",
                "ACCESS_KEY",
                "accessKey",
                "AccessKey",
            ],
            patterns: &[
                r#"(?i:account[_\-]?key|storage[_\-]?key|access[_\-]?key)[A-Za-z0-9_\-]{0,12}["']?\s*(?::=|=>|=|:)\s*["']?([A-Za-z0-9+/]{86}==)"#,
            ],
            check: Entropy(4.5),
        },
    },
    Detector {
        id: "azure-service-bus-connection-string",
        title: "Azure Service Bus / Event Hubs shared access key",
        severity: High,
        aliases: &[],
        description: "`SharedAccessKey=` followed by a 44-character base64 key in a Service Bus, \
            Event Hubs or IoT Hub connection string; it signs tokens for the namespace policy.",
        remediation: concat!(
            "Regenerate the key of the shared access policy and prefer \
            managed identities.",
            store!()
        ),
        rule: Token {
            anchors: &["SharedAccessKey="],
            patterns: &[r"SharedAccessKey=([A-Za-z0-9+/]{43}=)"],
            check: Entropy(4.0),
        },
    },
    Detector {
        id: "azure-ad-client-secret",
        title: "Microsoft Entra ID (Azure AD) client secret",
        severity: Critical,
        aliases: &["azure-ad-client-secret"],
        description: "An application client secret in the current format: three characters, a \
            digit, `Q~`, then 31–34 characters. It lets anyone sign in as the app registration.",
        remediation: concat!(
            "Delete the secret under App registrations > Certificates & \
            secrets, create a new one (or use a certificate / federated credential).",
            store!()
        ),
        rule: Token {
            anchors: &["Q~"],
            patterns: &[
                r"(?:^|[^A-Za-z0-9_~.\-])([A-Za-z0-9_~.\-]{3}[0-9]Q~[A-Za-z0-9_~.\-]{31,34})(?:[^A-Za-z0-9_~.\-]|$)",
            ],
            check: Entropy(3.8),
        },
    },
    // ---------------------------------------------------------------- GitHub
    Detector {
        id: "github-classic-pat",
        title: "GitHub personal access token (classic)",
        severity: Critical,
        aliases: &["github-pat"],
        description: "`ghp_` and 36 base62 characters whose last six are a CRC32 checksum of the \
            rest (verified, so random look-alikes are not reported). Grants the owner's access \
            to repositories and the API within its scopes.",
        remediation: concat!(
            "Delete the token in Settings > Developer settings > Personal \
            access tokens and use a fine-grained token, a GitHub App or `GITHUB_TOKEN`.",
            store!()
        ),
        rule: Token {
            anchors: &["ghp_"],
            patterns: &[r"(ghp_[A-Za-z0-9]{36})"],
            check: Crc32Base62 { prefix: 4 },
        },
    },
    Detector {
        id: "github-oauth-token",
        title: "GitHub OAuth access token",
        severity: Critical,
        aliases: &["github-oauth"],
        description: "`gho_` and 36 base62 characters with a valid checksum: a user's OAuth \
            token issued to an OAuth app.",
        remediation: concat!(
            "Revoke the authorization (user Settings > Applications, or the \
            app's 'Revoke all user tokens').",
            store!()
        ),
        rule: Token {
            anchors: &["gho_"],
            patterns: &[r"(gho_[A-Za-z0-9]{36})"],
            check: Crc32Base62 { prefix: 4 },
        },
    },
    Detector {
        id: "github-app-user-token",
        title: "GitHub App user-to-server token",
        severity: High,
        aliases: &["github-app-token"],
        description: "`ghu_` and 36 base62 characters with a valid checksum: a GitHub App acting \
            on behalf of a user.",
        remediation: concat!(
            "Revoke the token through the app's API or have the user revoke \
            the app authorization.",
            store!()
        ),
        rule: Token {
            anchors: &["ghu_"],
            patterns: &[r"(ghu_[A-Za-z0-9]{36})"],
            check: Crc32Base62 { prefix: 4 },
        },
    },
    Detector {
        id: "github-app-installation-token",
        title: "GitHub App installation (server-to-server) token",
        severity: High,
        aliases: &["github-app-token"],
        description: "`ghs_` and 36 base62 characters with a valid checksum: an installation \
            token of a GitHub App, including Actions' `GITHUB_TOKEN`.",
        remediation: concat!(
            "Revoke it via `DELETE /installation/token` (it also expires \
            within an hour); never persist installation tokens.",
            store!()
        ),
        rule: Token {
            anchors: &["ghs_"],
            patterns: &[r"(ghs_[A-Za-z0-9]{36})"],
            check: Crc32Base62 { prefix: 4 },
        },
    },
    Detector {
        id: "github-refresh-token",
        title: "GitHub refresh token",
        severity: High,
        aliases: &["github-refresh-token"],
        description: "`ghr_` and 36 base62 characters with a valid checksum: mints new \
            user-to-server tokens.",
        remediation: concat!(
            "Revoke the app authorization so the refresh token stops \
            working.",
            store!()
        ),
        rule: Token {
            anchors: &["ghr_"],
            patterns: &[r"(ghr_[A-Za-z0-9]{36})"],
            check: Crc32Base62 { prefix: 4 },
        },
    },
    Detector {
        id: "github-fine-grained-pat",
        title: "GitHub fine-grained personal access token",
        severity: Critical,
        aliases: &["github-fine-grained-pat"],
        description: "`github_pat_`, 22 base62 characters, `_`, 59 base62 characters.",
        remediation: concat!(
            "Delete the token under Settings > Developer settings > \
            Fine-grained tokens.",
            store!()
        ),
        rule: Token {
            anchors: &["github_pat_"],
            patterns: &[r"(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})"],
            check: Entropy(4.0),
        },
    },
    // ---------------------------------------------------------------- GitLab
    Detector {
        id: "gitlab-pat",
        title: "GitLab personal/project/group access token",
        severity: Critical,
        aliases: &["gitlab-pat"],
        description: "`glpat-` followed by at least 20 URL-safe characters.",
        remediation: concat!(
            "Revoke the token under Access Tokens (user, project or group) \
            and use CI job tokens or deploy tokens with minimal scope.",
            store!()
        ),
        rule: Token {
            anchors: &["glpat-"],
            patterns: &[r"(glpat-[A-Za-z0-9_\-.]{20,})"],
            check: Entropy(3.3),
        },
    },
    Detector {
        id: "gitlab-pipeline-trigger-token",
        title: "GitLab pipeline trigger token",
        severity: High,
        aliases: &["gitlab-ptt"],
        description:
            "`glptt-` followed by 40 hexadecimal characters; starts pipelines as its owner.",
        remediation: concat!(
            "Revoke the trigger in Settings > CI/CD > Pipeline trigger \
            tokens.",
            store!()
        ),
        rule: Token {
            anchors: &["glptt-"],
            patterns: &[r"(glptt-[0-9a-f]{40})"],
            check: Entropy(3.0),
        },
    },
    Detector {
        id: "gitlab-runner-token",
        title: "GitLab runner authentication/registration token",
        severity: High,
        aliases: &["gitlab-rrt"],
        description: "`glrt-` (runner authentication) or `GR1348941` (registration) tokens; they \
            let a machine pick up CI jobs and their secrets.",
        remediation: concat!(
            "Reset the runner token in the runner's settings and re-register \
            the runner.",
            store!()
        ),
        rule: Token {
            anchors: &["glrt-", "GR1348941"],
            patterns: &[r"(glrt-[A-Za-z0-9_\-.]{20,}|GR1348941[A-Za-z0-9_\-]{20,})"],
            check: Entropy(3.3),
        },
    },
    // ---------------------------------------------------------------- Slack
    Detector {
        id: "slack-bot-token",
        title: "Slack bot token",
        severity: High,
        aliases: &["CKV_SECRET_14", "slack-bot-token"],
        description: "`xoxb-` followed by two numeric ids and a 24+ character secret; posts and \
            reads as the bot in every channel it is in.",
        remediation: concat!(
            "Regenerate the bot token in the app's OAuth & Permissions page \
            (or uninstall/reinstall the app).",
            store!()
        ),
        rule: Token {
            anchors: &["xoxb-"],
            patterns: &[r"(xoxb-[0-9]{8,13}-[0-9]{8,13}-[A-Za-z0-9]{24,34})"],
            check: Entropy(3.5),
        },
    },
    Detector {
        id: "slack-user-token",
        title: "Slack user token",
        severity: Critical,
        aliases: &["CKV_SECRET_14", "slack-user-token"],
        description: "`xoxp-`/`xoxe-` tokens: act as the installing user, including reading \
            their private messages.",
        remediation: concat!(
            "Revoke the token (auth.revoke or reinstall the app) and review \
            the workspace access logs.",
            store!()
        ),
        rule: Token {
            anchors: &["xoxp-", "xoxe-"],
            patterns: &[
                r"(xox[pe](?:\.xox[pe])?-[0-9]-?[A-Za-z0-9\-]{40,}|xox[pe]-[0-9]{8,13}-[0-9]{8,13}-[0-9]{8,13}-[A-Za-z0-9]{28,34})",
            ],
            check: Entropy(3.5),
        },
    },
    Detector {
        id: "slack-app-token",
        title: "Slack app-level token",
        severity: High,
        aliases: &["CKV_SECRET_14", "slack-app-token"],
        description: "`xapp-` app-level tokens (Socket Mode and app configuration).",
        remediation: concat!(
            "Revoke and regenerate the app-level token in Basic Information > \
            App-Level Tokens.",
            store!()
        ),
        rule: Token {
            anchors: &["xapp-"],
            patterns: &[r"(xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-z0-9]{64})"],
            check: Entropy(3.5),
        },
    },
    Detector {
        id: "slack-legacy-token",
        title: "Slack legacy or workspace token",
        severity: High,
        aliases: &["CKV_SECRET_14", "slack-legacy-token"],
        description: "Older `xoxa-`, `xoxr-` and `xoxs-` tokens (workspace, refresh and session \
            tokens).",
        remediation: concat!(
            "Revoke the token with auth.revoke and migrate to a current app \
            token type.",
            store!()
        ),
        rule: Token {
            anchors: &["xoxa-", "xoxr-", "xoxs-"],
            patterns: &[r"(xox[ars]-(?:[0-9]+-)?[A-Za-z0-9\-]{24,})"],
            check: Entropy(3.5),
        },
    },
    Detector {
        id: "slack-webhook-url",
        title: "Slack incoming webhook URL",
        severity: Medium,
        aliases: &["CKV_SECRET_14", "slack-webhook-url"],
        description: "`https://hooks.slack.com/services/T…/B…/…` (or `workflows`/`triggers`): \
            anyone with the URL can post into the channel, e.g. convincing phishing.",
        remediation: concat!(
            "Delete the webhook in the app's Incoming Webhooks page and \
            create a new one.",
            store!()
        ),
        rule: Token {
            anchors: &["hooks.slack.com/"],
            patterns: &[
                r"(https?://hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{8,12}/[A-Z0-9]{8,12}/[A-Za-z0-9]{20,})",
            ],
            check: Entropy(3.5),
        },
    },
    // ---------------------------------------------------------------- payments & messaging
    Detector {
        id: "stripe-secret-key",
        title: "Stripe live secret key",
        severity: Critical,
        aliases: &["CKV_SECRET_17", "stripe-access-token"],
        description: "`sk_live_` followed by 24+ characters: full access to the live Stripe \
            account, including refunds and payouts. Test-mode keys are not reported.",
        remediation: concat!(
            "Roll the key in the Dashboard (Developers > API keys) and use \
            restricted keys for services.",
            store!()
        ),
        rule: Token {
            anchors: &["sk_live_"],
            patterns: &[r"(sk_live_[A-Za-z0-9]{24,99})"],
            check: Entropy(3.5),
        },
    },
    Detector {
        id: "stripe-restricted-key",
        title: "Stripe live restricted key",
        severity: High,
        aliases: &["CKV_SECRET_17", "stripe-access-token"],
        description: "`rk_live_` followed by 24+ characters: a live key limited to the \
            permissions chosen when it was created.",
        remediation: concat!(
            "Roll or delete the restricted key in the Dashboard.",
            store!()
        ),
        rule: Token {
            anchors: &["rk_live_"],
            patterns: &[r"(rk_live_[A-Za-z0-9]{24,99})"],
            check: Entropy(3.5),
        },
    },
    Detector {
        id: "twilio-api-key",
        title: "Twilio API key SID",
        severity: High,
        aliases: &["CKV_SECRET_18", "twilio-api-key"],
        description: "`SK` followed by 32 lowercase hex digits: a Twilio API key (used with its \
            secret to call the API, send messages and place calls billed to the account).",
        remediation: concat!(
            "Delete the API key in the Twilio Console (Account > API keys) \
            and create a new one.",
            store!()
        ),
        rule: Token {
            anchors: &["\"SK", "'SK", "=SK", " SK", ":SK", "\tSK", ">SK", "`SK"],
            patterns: &[r"(?:^|[^A-Za-z0-9])(SK[0-9a-f]{32})(?:[^A-Za-z0-9]|$)"],
            check: Entropy(3.0),
        },
    },
    Detector {
        id: "twilio-auth-token",
        title: "Twilio auth token",
        severity: Critical,
        aliases: &["CKV_SECRET_18"],
        description: "32 hex digits assigned to a Twilio auth-token name: the account's master \
            credential.",
        remediation: concat!(
            "Promote a secondary auth token in the Console to rotate the \
            primary one, then use API keys.",
            store!()
        ),
        rule: Token {
            anchors: &["twilio", "Twilio", "TWILIO"],
            patterns: &[
                r#"(?i:twilio)[A-Za-z0-9_\-]{0,10}(?i:auth)[_\-]?(?i:token)["']?\s*(?::=|=>|=|:)\s*["']?([0-9a-f]{32})(?:[^A-Za-z0-9]|$)"#,
            ],
            check: Entropy(3.0),
        },
    },
    Detector {
        id: "sendgrid-api-key",
        title: "SendGrid API key",
        severity: High,
        aliases: &["sendgrid-api-token"],
        description: "`SG.`, 22 characters, `.`, 43 characters: sends mail as the account (a \
            favourite of spammers and phishers).",
        remediation: concat!(
            "Delete the key in Settings > API Keys and create a new one with \
            only Mail Send permission.",
            store!()
        ),
        rule: Token {
            anchors: &["SG."],
            patterns: &[r"(SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})"],
            check: Entropy(4.0),
        },
    },
    Detector {
        id: "mailgun-api-key",
        title: "Mailgun private API key",
        severity: High,
        aliases: &["mailgun-private-api-token"],
        description:
            "`key-` followed by 32 lowercase hex digits: Mailgun's private API key, which \
            sends mail and reads logs for every domain of the account.",
        remediation: concat!(
            "Regenerate the key in the Mailgun control panel (API Security).",
            store!()
        ),
        rule: Token {
            anchors: &["key-"],
            patterns: &[r"(?:^|[^A-Za-z0-9_\-])(key-[0-9a-f]{32})(?:[^A-Za-z0-9]|$)"],
            check: Entropy(3.0),
        },
    },
    // ---------------------------------------------------------------- package registries
    Detector {
        id: "npm-access-token",
        title: "npm access token",
        severity: High,
        aliases: &["CKV_SECRET_12", "npm-access-token"],
        description: "`npm_` and 36 base62 characters whose last six are a CRC32 checksum \
            (verified): publishes packages as the owner, a supply-chain risk.",
        remediation: concat!(
            "Revoke the token (`npm token revoke` or the website) and use \
            granular tokens or trusted publishing from CI.",
            store!()
        ),
        rule: Token {
            anchors: &["npm_"],
            patterns: &[r"(?:^|[^A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?:[^A-Za-z0-9]|$)"],
            check: Crc32Base62 { prefix: 4 },
        },
    },
    Detector {
        id: "pypi-upload-token",
        title: "PyPI upload token",
        severity: High,
        aliases: &["pypi-upload-token"],
        description: "`pypi-AgEIcHlwaS5vcmc` (a macaroon for pypi.org) and a long tail: uploads \
            releases of the projects in its scope.",
        remediation: concat!(
            "Remove the token in PyPI Account settings > API tokens and \
            prefer trusted publishing.",
            store!()
        ),
        rule: Token {
            anchors: &["pypi-AgEIcHlwaS5vcmc"],
            patterns: &[r"(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,})"],
            check: Entropy(4.0),
        },
    },
    Detector {
        id: "dockerhub-pat",
        title: "Docker Hub personal access token",
        severity: High,
        aliases: &[],
        description: "`dckr_pat_` followed by 27 URL-safe characters: pushes and pulls images as \
            the user.",
        remediation: concat!(
            "Delete the token in Docker Hub Account settings > Personal \
            access tokens.",
            store!()
        ),
        rule: Token {
            anchors: &["dckr_pat_"],
            patterns: &[r"(dckr_pat_[A-Za-z0-9_\-]{27})(?:[^A-Za-z0-9_\-]|$)"],
            check: Entropy(3.5),
        },
    },
    // ---------------------------------------------------------------- HashiCorp
    Detector {
        id: "terraform-cloud-token",
        title: "HCP Terraform / Terraform Enterprise API token",
        severity: Critical,
        aliases: &["hashicorp-tf-api-token"],
        description: "14 characters, `.atlasv1.`, then 60+ characters: a user, team or \
            organization token that can read state (often full of secrets) and run applies.",
        remediation: concat!(
            "Revoke the token in User/Team/Organization settings > Tokens.",
            store!()
        ),
        rule: Token {
            anchors: &[".atlasv1."],
            patterns: &[r"([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_\-=]{60,90})"],
            check: Entropy(4.0),
        },
    },
    Detector {
        id: "vault-service-token",
        title: "HashiCorp Vault service token",
        severity: Critical,
        aliases: &["vault-service-token"],
        description: "`hvs.` followed by 24+ characters: a Vault service token, which reads \
            whatever secrets its policies allow.",
        remediation: concat!(
            "Revoke it (`vault token revoke`) and use an auth method \
            (AppRole, Kubernetes, cloud IAM) that issues short-lived tokens.",
            store!()
        ),
        rule: Token {
            anchors: &["hvs."],
            patterns: &[r"(?:^|[^A-Za-z0-9_])(hvs\.[A-Za-z0-9_\-]{24,})"],
            check: Entropy(3.5),
        },
    },
    Detector {
        id: "vault-batch-token",
        title: "HashiCorp Vault batch token",
        severity: High,
        aliases: &["vault-batch-token"],
        description: "`hvb.` followed by 24+ characters: a Vault batch token.",
        remediation: concat!(
            "Batch tokens cannot be revoked individually: revoke their parent \
            or let them expire, and shorten their TTL.",
            store!()
        ),
        rule: Token {
            anchors: &["hvb."],
            patterns: &[r"(?:^|[^A-Za-z0-9_])(hvb\.[A-Za-z0-9_\-]{24,})"],
            check: Entropy(3.5),
        },
    },
    // ---------------------------------------------------------------- observability & ops
    Detector {
        id: "datadog-api-key",
        title: "Datadog API key",
        severity: High,
        aliases: &["datadog-access-token"],
        description: "32 hex digits assigned to a Datadog API-key name (`DD_API_KEY`, \
            `datadog_api_key`): submits metrics, logs and events to the organization.",
        remediation: concat!(
            "Revoke the key in Organization settings > API keys.",
            store!()
        ),
        rule: Token {
            anchors: &[
                "datadog", "Datadog", "DATADOG", "dd_api", "DD_API", "ddApi", "dd-api",
            ],
            patterns: &[
                r#"(?i:datadog|dd)[_\-]?(?i:api)[_\-]?(?i:key)["']?\s*(?::=|=>|=|:)\s*["']?([a-f0-9]{32})(?:[^A-Za-z0-9]|$)"#,
            ],
            check: Entropy(3.0),
        },
    },
    Detector {
        id: "datadog-app-key",
        title: "Datadog application key",
        severity: High,
        aliases: &["datadog-access-token"],
        description: "40 hex digits assigned to a Datadog application-key name (`DD_APP_KEY`, \
            `datadog_app_key`): reads and changes the organization's configuration as its owner.",
        remediation: concat!(
            "Revoke the key in Organization settings > Application keys.",
            store!()
        ),
        rule: Token {
            anchors: &[
                "datadog", "Datadog", "DATADOG", "dd_app", "DD_APP", "ddApp", "dd-app",
            ],
            patterns: &[
                r#"(?i:datadog|dd)[_\-]?(?i:app|application)[_\-]?(?i:key)["']?\s*(?::=|=>|=|:)\s*["']?([a-f0-9]{40})(?:[^A-Za-z0-9]|$)"#,
            ],
            check: Entropy(3.0),
        },
    },
    Detector {
        id: "pagerduty-api-key",
        title: "PagerDuty API key",
        severity: High,
        aliases: &[],
        description: "A 20-character value assigned to a PagerDuty token/key name: REST API \
            access to incidents, schedules and services.",
        remediation: concat!(
            "Delete the key in Integrations > API Access Keys (or the user's \
            token) and create a scoped one.",
            store!()
        ),
        rule: Token {
            anchors: &["pagerduty", "PagerDuty", "Pagerduty", "PAGERDUTY"],
            patterns: &[
                r#"(?i:pagerduty)[A-Za-z0-9_\-]{0,20}(?i:token|key)["']?\s*(?::=|=>|=|:)\s*["']?([A-Za-z0-9_+\-]{20})(?:[^A-Za-z0-9_+\-]|$)"#,
            ],
            check: Entropy(3.5),
        },
    },
    Detector {
        id: "heroku-api-key",
        title: "Heroku API key",
        severity: High,
        aliases: &["heroku-api-key"],
        description: "A UUID assigned to a Heroku key/token name (`HEROKU_API_KEY`): full \
            control of the account's apps. Bare UUIDs are not reported.",
        remediation: concat!(
            "Regenerate the API key in Account settings (or revoke the OAuth \
            authorization).",
            store!()
        ),
        rule: Token {
            anchors: &["heroku", "Heroku", "HEROKU"],
            patterns: &[
                r#"(?i:heroku)[A-Za-z0-9_\-]{0,20}(?i:key|token|secret)["']?\s*(?::=|=>|=|:)\s*["']?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"#,
            ],
            check: Entropy(3.0),
        },
    },
    Detector {
        id: "shopify-access-token",
        title: "Shopify access token",
        severity: High,
        aliases: &["shopify-access-token"],
        description: "`shpat_`, `shpca_` or `shppa_` followed by 32 hex digits: Admin API access \
            to a shop.",
        remediation: concat!(
            "Uninstall/reinstall the app or rotate its credentials in the \
            Partner dashboard / shop admin.",
            store!()
        ),
        rule: Token {
            anchors: &["shpat_", "shpca_", "shppa_"],
            patterns: &[r"(shp(?:at|ca|pa)_[a-fA-F0-9]{32})"],
            check: Entropy(3.0),
        },
    },
    Detector {
        id: "shopify-shared-secret",
        title: "Shopify app shared secret",
        severity: High,
        aliases: &["shopify-shared-secret"],
        description: "`shpss_` followed by 32 hex digits: signs and verifies the app's webhooks \
            and OAuth.",
        remediation: concat!(
            "Rotate the app's client secret in the Partner dashboard.",
            store!()
        ),
        rule: Token {
            anchors: &["shpss_"],
            patterns: &[r"(shpss_[a-fA-F0-9]{32})"],
            check: Entropy(3.0),
        },
    },
    Detector {
        id: "digitalocean-pat",
        title: "DigitalOcean personal access token",
        severity: Critical,
        aliases: &["digitalocean-pat"],
        description: "`dop_v1_` followed by 64 hex digits: API access to droplets, databases and \
            Spaces of the team.",
        remediation: concat!("Delete the token in API > Tokens.", store!()),
        rule: Token {
            anchors: &["dop_v1_"],
            patterns: &[r"(dop_v1_[a-f0-9]{64})"],
            check: Entropy(3.0),
        },
    },
    Detector {
        id: "digitalocean-oauth-token",
        title: "DigitalOcean OAuth access/refresh token",
        severity: High,
        aliases: &["digitalocean-access-token", "digitalocean-refresh-token"],
        description: "`doo_v1_` (access) or `dor_v1_` (refresh) followed by 64 hex digits.",
        remediation: concat!("Revoke the OAuth application's authorization.", store!()),
        rule: Token {
            anchors: &["doo_v1_", "dor_v1_"],
            patterns: &[r"(do[or]_v1_[a-f0-9]{64})"],
            check: Entropy(3.0),
        },
    },
    Detector {
        id: "linear-api-key",
        title: "Linear API key",
        severity: Medium,
        aliases: &["linear-api-key"],
        description: "`lin_api_` followed by 40 base62 characters: reads and writes the \
            workspace's issues as the user.",
        remediation: concat!("Revoke the key in Linear Settings > API.", store!()),
        rule: Token {
            anchors: &["lin_api_"],
            patterns: &[r"(lin_api_[A-Za-z0-9]{40})"],
            check: Entropy(3.5),
        },
    },
    // ---------------------------------------------------------------- AI providers
    Detector {
        id: "anthropic-api-key",
        title: "Anthropic API key",
        severity: High,
        aliases: &["anthropic-api-key", "anthropic-admin-api-key"],
        description: "`sk-ant-api03-…` (or `sk-ant-admin01-…`) keys: billed model usage and, for \
            admin keys, organization management.",
        remediation: concat!(
            "Delete the key in the Console (Settings > API keys).",
            store!()
        ),
        rule: Token {
            anchors: &["sk-ant-"],
            patterns: &[r"(sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_\-]{80,120})"],
            check: Entropy(4.0),
        },
    },
    Detector {
        id: "openai-api-key",
        title: "OpenAI API key",
        severity: High,
        aliases: &["openai-api-key"],
        description: "`sk-` keys (including `sk-proj-`, `sk-svcacct-`, `sk-admin-`) that carry \
            the `T3BlbkFJ` marker: billed model usage on the organization.",
        remediation: concat!(
            "Revoke the key in the platform's API keys page and use project \
            keys with limits.",
            store!()
        ),
        rule: Token {
            anchors: &["T3BlbkFJ"],
            patterns: &[
                r"(sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_\-]{20,160}T3BlbkFJ[A-Za-z0-9_\-]{20,160})",
            ],
            check: Entropy(4.0),
        },
    },
    // ---------------------------------------------------------------- formats
    Detector {
        id: "private-key",
        title: "Private key (PEM / OpenSSH / PGP)",
        severity: Critical,
        aliases: &["CKV_SECRET_13", "private-key"],
        description: "A `-----BEGIN … PRIVATE KEY-----` block (RSA, EC, DSA, OpenSSH, PGP, \
            PKCS#8, encrypted PKCS#8) with real key material, also inside a string with `\\n` \
            escapes. Truncated or placeholder bodies are ignored.",
        remediation: concat!(
            "Treat the key pair as compromised: revoke any certificate, remove \
            the public key from every authorized_keys / IAM / deploy-key list, and generate a new \
            pair.",
            store!()
        ),
        rule: PrivateKey,
    },
    Detector {
        id: "jwt",
        title: "JSON Web Token",
        severity: Medium,
        aliases: &["CKV_SECRET_9", "jwt"],
        description: "Three base64url parts whose header decodes to JSON with an `alg` field and \
            that carries a signature. A bearer token: valid until it expires, and long-lived \
            service tokens often never do.",
        remediation: concat!(
            "Invalidate the token (rotate the signing key or revoke the \
            session/service account) and issue short-lived tokens at run time.",
            store!()
        ),
        rule: Jwt,
    },
    Detector {
        id: "database-uri-password",
        title: "Password in a database connection URI",
        severity: High,
        aliases: &["CKV_SECRET_4"],
        description: "The password of `postgres://user:password@host`, and of mysql, mariadb, \
            mongodb(+srv), redis, amqp, mssql and similar URIs.",
        remediation: concat!(
            "Change the database user's password, and build the URI at run \
            time from a secret (or use IAM database authentication).",
            store!()
        ),
        rule: UrlPassword { db: true },
    },
    Detector {
        id: "url-basic-auth",
        title: "Password in URL userinfo",
        severity: High,
        aliases: &["CKV_SECRET_4"],
        description: "`scheme://user:password@host` for any other scheme (HTTP basic auth, FTP, \
            git remotes, proxies).",
        remediation: concat!(
            "Change the password (or revoke the token used as one) and pass \
            credentials through a credential helper or header at run time.",
            store!()
        ),
        rule: UrlPassword { db: false },
    },
    Detector {
        id: "http-authorization-header",
        title: "Credential in an HTTP Authorization header",
        severity: High,
        aliases: &["CKV_SECRET_4"],
        description: "A literal `Bearer <token>` (20+ random-looking characters) or `Basic \
            <base64 of user:password>` credential, as written in curl commands, scripts, \
            HTTP client configuration and documentation. Variables (`Bearer $TOKEN`, \
            `${{ secrets.X }}`) and placeholders are ignored; JWTs are reported by `jwt`.",
        remediation: concat!("Revoke the token or change the password it encodes, and have \
            the script read it from the environment at run time.", store!()),
        rule: AuthHeader,
    },
    // ---------------------------------------------------------------- IaC-aware
    Detector {
        id: "kubernetes-secret-value",
        title: "Literal value in a Kubernetes Secret manifest",
        severity: High,
        aliases: &[],
        description: "A value under `data` (base64, decoded and judged) or `stringData` of a \
            `kind: Secret` manifest in the repository. base64 is an encoding, not encryption.",
        remediation: concat!(
            "Rotate the value, then create the Secret outside the repository \
            (External Secrets Operator, Sealed Secrets, SOPS, CSI secret store).",
            store!()
        ),
        rule: KubernetesSecret,
    },
    Detector {
        id: "cloudformation-parameter-default",
        title: "Secret default of a CloudFormation parameter",
        severity: High,
        aliases: &[],
        description: "A literal `Default` of a template parameter that is `NoEcho` or named like \
            a password/secret: the value ships with every copy of the template.",
        remediation: concat!(
            "Rotate the value, remove the Default and use a dynamic reference \
            (`{{resolve:secretsmanager:…}}` / `{{resolve:ssm-secure:…}}`).",
            store!()
        ),
        rule: CloudFormationDefault,
    },
    Detector {
        id: "generic-password",
        title: "Hardcoded password",
        severity: High,
        aliases: &["CKV_SECRET_10", "generic-api-key"],
        description: "A literal value given to a password-like name (`password`, \
            `master_password`, `DB_PASS`, `passphrase`…) in Terraform/HCL, YAML, JSON, .env, \
            Dockerfile ENV/ARG, connection strings or code, including `name: X` / `value: …` \
            environment pairs and the `default` of a Terraform `variable` that is \
            `sensitive = true` or named like a password. References (`var.x`, `${…}`, `!Ref`, `{{resolve:…}}`, \
            `secretKeyRef`, `$(…)`), placeholders and values under 8 characters are ignored.",
        remediation: concat!(
            "Change the password, then pass it in as a sensitive variable or \
            a reference to a secret store (for Terraform: `random_password` + a secret \
            resource, or `manage_master_user_password`).",
            store!()
        ),
        rule: GenericPassword,
    },
    Detector {
        id: "generic-secret",
        title: "Hardcoded secret, token or key",
        severity: High,
        aliases: &["CKV_SECRET_6", "generic-api-key"],
        description: "A literal, random-looking value (entropy and character-class checks) \
            given to a name such as `secret`, `secret_key`, `token`, `api_key`, `access_key`, \
            `private_key` or `client_secret`. Hashes, UUIDs, commit SHAs, names of secrets and \
            placeholders are ignored.",
        remediation: concat!(
            "Revoke or rotate the credential at its issuer, then pass it in as \
            a sensitive variable or a reference to a secret store.",
            store!()
        ),
        rule: GenericSecret,
    },
];
