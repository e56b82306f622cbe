//! Template constructs: parameters, conditions, intrinsic functions, SAM,
//! adapters, suppressions and spans.

use rampart_cloudformation::{evaluate_text, load_template, Evaluation, Options, SuppressionKind};
use rampart_model::{Level, Origin, Resource, Value};
use rampart_source::{SourceFile, SourceMap};

fn load_with(src: &str, opts: &Options) -> (Evaluation, SourceMap) {
    let sources = SourceMap::new();
    let id = sources.add(SourceFile::new("t.yaml", "t.yaml", src.to_string()));
    (evaluate_text(src, id, opts), sources)
}

fn load(src: &str) -> Evaluation {
    load_with(src, &Options::default()).0
}

fn params(pairs: &[(&str, &str)]) -> Options {
    Options {
        parameters: pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ..Options::default()
    }
}

fn res<'a>(ev: &'a Evaluation, address: &str) -> &'a Resource {
    ev.resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| {
            panic!(
                "no {address} in {:?}",
                ev.resources.iter().map(|r| &r.address).collect::<Vec<_>>()
            )
        })
}

fn val<'a>(r: &'a Resource, path: &str) -> Option<&'a Value> {
    r.body.lookup(path).map(|l| l.value)
}

const DB: &str = r#"
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Encrypt:
    Type: String
    AllowedValues: ['true', 'false']
    Default: 'false'
  Env:
    Type: String
    Default: dev
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: !Ref Encrypt
      MultiAZ: !If [IsProd, true, false]
      BackupRetentionPeriod: !If [IsProd, 30, !Ref AWS::NoValue]
  ProdOnly:
    Type: AWS::SNS::Topic
    Condition: IsProd
  DevOnly:
    Type: AWS::SNS::Topic
    Condition: NotProd
"#;

#[test]
fn parameters_change_values_and_keep_their_origin() {
    let ev = load(DB);
    let db = res(&ev, "aws_db_instance.Db");
    assert_eq!(
        val(db, "storage_encrypted").and_then(Value::as_bool),
        Some(false)
    );
    let a = db.body.attr("storage_encrypted").map(|a| a.origin.clone());
    assert!(
        matches!(a, Some(Origin::Variable { ref name, ref source, .. }) if name == "Encrypt" && source == "default")
    );

    let (ev, _) = load_with(DB, &params(&[("Encrypt", "true")]));
    let db = res(&ev, "aws_db_instance.Db");
    assert_eq!(
        val(db, "storage_encrypted").and_then(Value::as_bool),
        Some(true)
    );

    let (ev, _) = load_with(DB, &params(&[("Encrypt", "maybe")]));
    assert!(ev
        .diagnostics
        .iter()
        .any(|d| d.code == "cfn-parameter-not-allowed"));
}

#[test]
fn conditions_decide_resources_and_branches() {
    let ev = load(DB);
    assert!(ev.resources.iter().all(|r| r.name != "ProdOnly"));
    assert!(ev.resources.iter().any(|r| r.name == "DevOnly"));
    let db = res(&ev, "aws_db_instance.Db");
    assert_eq!(val(db, "multi_az"), Some(&Value::Bool(false)));
    // `AWS::NoValue` removes the property.
    assert!(db.body.attr("backup_retention_period").is_none());

    let (ev, _) = load_with(DB, &params(&[("Env", "prod")]));
    assert!(ev.resources.iter().any(|r| r.name == "ProdOnly"));
    assert!(ev.resources.iter().all(|r| r.name != "DevOnly"));
    let db = res(&ev, "aws_db_instance.Db");
    assert_eq!(val(db, "multi_az"), Some(&Value::Bool(true)));
    assert_eq!(
        val(db, "backup_retention_period"),
        Some(&Value::from(30i64))
    );
}

#[test]
fn unknown_conditions_keep_the_resource_with_a_note() {
    let src = r#"
Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Condition: IsProd
    Properties:
      KmsMasterKeyId: !If [IsProd, alias/prod, alias/dev]
"#;
    let ev = load(src);
    let t = res(&ev, "aws_sns_topic.Topic");
    assert!(val(t, "kms_master_key_id").is_some_and(Value::is_unknown));
    assert!(ev
        .diagnostics
        .iter()
        .any(|d| d.code == "cfn-condition-unknown"));
    assert!(ev
        .diagnostics
        .iter()
        .any(|d| d.code == "cfn-parameter-unset"));
}

#[test]
fn sub_join_select_split_findinmap_base64_cidr() {
    let src = r#"
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Name:
    Type: String
    Default: acme
  Zones:
    Type: CommaDelimitedList
    Default: a, b, c
Mappings:
  Env:
    dev:
      Retention: 3
    prod:
      Retention: 35
Resources:
  Key:
    Type: AWS::KMS::Key
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '${Name}-logs-${!Literal}'
      Tags:
        - Key: joined
          Value: !Join ['-', [x, !Ref Name, 1]]
        - Key: second
          Value: !Select [1, !Ref Zones]
        - Key: split
          Value: !Select [2, !Split [',', 'p,q,r']]
        - Key: subvars
          Value: !Sub
            - '${A}/${B}'
            - A: one
              B: !Ref Name
        - Key: b64
          Value: !Base64 hello
        - Key: cidr
          Value: !Select [1, !Cidr ['10.0.0.0/16', 4, 8]]
        - Key: arn
          Value: !Sub '${Key.Arn}'
  Db:
    Type: AWS::RDS::DBCluster
    Properties:
      BackupRetentionPeriod: !FindInMap [Env, prod, Retention]
"#;
    let ev = load(src);
    let b = res(&ev, "aws_s3_bucket.Bucket");
    assert_eq!(
        val(b, "bucket").and_then(Value::as_str),
        Some("acme-logs-${Literal}")
    );
    let tag = |k: &str| val(b, &format!("tags.{k}")).cloned();
    assert_eq!(tag("joined"), Some(Value::string("x-acme-1")));
    assert_eq!(tag("second"), Some(Value::string("b")));
    assert_eq!(tag("split"), Some(Value::string("r")));
    assert_eq!(tag("subvars"), Some(Value::string("one/acme")));
    assert_eq!(tag("b64"), Some(Value::string("aGVsbG8=")));
    assert_eq!(tag("cidr"), Some(Value::string("10.0.1.0/24")));
    let arn = tag("arn").unwrap_or_default();
    let mut refs = Vec::new();
    arn.unknown_refs(&mut refs);
    assert_eq!(refs, vec!["aws_kms_key.Key".to_string()]);
    let db = res(&ev, "aws_rds_cluster.Db");
    assert_eq!(
        val(db, "backup_retention_period"),
        Some(&Value::from(35i64))
    );
}

#[test]
fn getatt_and_ref_become_unknowns_referring_to_the_target() {
    let src = r#"
Resources:
  Key:
    Type: AWS::KMS::Key
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !GetAtt Key.Arn
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !Ref Key
"#;
    let ev = load(src);
    for addr in ["aws_sns_topic.Topic", "aws_sqs_queue.Queue"] {
        let a = res(&ev, addr)
            .body
            .attr("kms_master_key_id")
            .cloned()
            .unwrap_or_default();
        assert!(a.value.is_unknown());
        assert_eq!(a.refs, vec!["aws_kms_key.Key".to_string()]);
    }
    assert!(res(&ev, "aws_sqs_queue.Queue").refers_to("aws_kms_key.Key"));
}

#[test]
fn dynamic_references_are_unknown_not_secret() {
    let src = r#"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: '{{resolve:secretsmanager:db:SecretString:password}}'
"#;
    let ev = load(src);
    let v = val(res(&ev, "aws_db_instance.Db"), "password").cloned();
    assert!(v.is_some_and(|v| v.is_unknown() && !v.is_sensitive()));
}

#[test]
fn noecho_parameters_are_sensitive() {
    let src = r#"
Parameters:
  Password:
    Type: String
    NoEcho: true
    Default: hunter22
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !Ref Password
"#;
    let ev = load(src);
    let v = val(res(&ev, "aws_db_instance.Db"), "password").cloned();
    assert!(v.is_some_and(|v| v.is_sensitive()));
}

#[test]
fn s3_bucket_splits_into_terraform_resources() {
    let src = r#"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-logs
      AccessControl: LogDeliveryWrite
      VersioningConfiguration:
        Status: Enabled
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: alias/logs
      LoggingConfiguration:
        LogFilePrefix: self/
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
"#;
    let (ev, sources) = load_with(src, &Options::default());
    let b = res(&ev, "aws_s3_bucket.Logs");
    assert_eq!(val(b, "bucket").and_then(Value::as_str), Some("acme-logs"));
    assert_eq!(
        val(b, "acl").and_then(Value::as_str),
        Some("log-delivery-write")
    );
    for kind in [
        "aws_s3_bucket_versioning",
        "aws_s3_bucket_server_side_encryption_configuration",
        "aws_s3_bucket_logging",
        "aws_s3_bucket_public_access_block",
    ] {
        let r = res(&ev, &format!("{kind}.Logs"));
        assert!(r.refers_to("aws_s3_bucket.Logs"), "{kind}");
        assert_eq!(r.format, rampart_model::SourceFormat::CloudFormation);
    }
    let v = res(&ev, "aws_s3_bucket_versioning.Logs");
    assert_eq!(
        val(v, "versioning_configuration.status").and_then(Value::as_str),
        Some("Enabled")
    );
    let e = res(
        &ev,
        "aws_s3_bucket_server_side_encryption_configuration.Logs",
    );
    let algo = e
        .body
        .lookup("rule.apply_server_side_encryption_by_default.sse_algorithm")
        .map(|l| (l.value.clone(), l.attr.span));
    let (algo, span) = algo.unwrap_or_default();
    assert_eq!(algo, Value::string("aws:kms"));
    // The span is the property's own line.
    let loc = sources.locate(span).map(|l| l.start.line);
    assert_eq!(loc, Some(13));
    let l = res(&ev, "aws_s3_bucket_logging.Logs");
    assert!(l
        .body
        .attr("target_bucket")
        .is_some_and(|a| a.refs == ["aws_s3_bucket.Logs"]));
}

#[test]
fn security_groups_map_to_ingress_blocks_and_rules() {
    let src = r#"
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIpv6: ::/0
  Extra:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref Sg
      IpProtocol: '-1'
      CidrIp: 10.0.0.0/8
"#;
    let ev = load(src);
    let sg = res(&ev, "aws_security_group.Sg");
    let ingress: Vec<_> = sg.body.blocks("ingress").collect();
    assert_eq!(ingress.len(), 2);
    assert_eq!(
        ingress[0].value("cidr_blocks"),
        Some(&Value::List(vec![Value::string("0.0.0.0/0")]))
    );
    assert_eq!(
        ingress[1]
            .value("ipv6_cidr_blocks")
            .and_then(|v| v.as_list())
            .map(|l| l.len()),
        Some(1)
    );
    assert_eq!(val(sg, "description").and_then(Value::as_str), Some("web"));
    let rule = res(&ev, "aws_vpc_security_group_ingress_rule.Extra");
    assert_eq!(
        val(rule, "cidr_ipv4").and_then(Value::as_str),
        Some("10.0.0.0/8")
    );
    assert!(rule.refers_to("aws_security_group.Sg"));
}

#[test]
fn iam_roles_users_and_policies() {
    let src = r#"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: logs
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: logs:*
                Resource: !Sub 'arn:aws:logs:${AWS::Region}:${AWS::AccountId}:*'
"#;
    let ev = load(src);
    let p = res(&ev, "aws_iam_role_policy.Role[\"logs\"]");
    let text = val(p, "policy").and_then(Value::as_str).unwrap_or_default();
    let j: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    assert_eq!(j["Statement"][0]["Action"], "logs:*");
    assert!(p.refers_to("aws_iam_role.Role"));
    assert!(val(res(&ev, "aws_iam_role.Role"), "assume_role_policy").is_some());
}

#[test]
fn sam_resources() {
    let src = r#"
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Tracing: Active
    Environment:
      Variables:
        STAGE: prod
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: src/
      Environment:
        Variables:
          TABLE: !Ref Table
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      TracingEnabled: true
  Table:
    Type: AWS::Serverless::SimpleTable
    Properties:
      SSESpecification:
        SSEEnabled: true
  Http:
    Type: AWS::Serverless::HttpApi
"#;
    let ev = load(src);
    let f = res(&ev, "aws_lambda_function.Fn");
    assert_eq!(
        val(f, "runtime").and_then(Value::as_str),
        Some("python3.12")
    );
    assert_eq!(
        val(f, "tracing_config.mode").and_then(Value::as_str),
        Some("Active")
    );
    assert!(val(f, "environment.variables")
        .is_some_and(|v| v.get("TABLE").is_some() && v.get("STAGE").is_some()));
    res(&ev, "aws_api_gateway_rest_api.Api");
    let st = res(&ev, "aws_api_gateway_stage.Api");
    assert_eq!(val(st, "stage_name").and_then(Value::as_str), Some("prod"));
    assert!(st.refers_to("aws_api_gateway_rest_api.Api"));
    let t = res(&ev, "aws_dynamodb_table.Table");
    assert_eq!(
        val(t, "server_side_encryption.enabled"),
        Some(&Value::Bool(true))
    );
}

#[test]
fn unadapted_types_stay_format_native() {
    let ev = load(
        "Resources:\n  Q:\n    Type: AWS::SES::ConfigurationSet\n    Properties:\n      Name: x\n",
    );
    let r = res(&ev, "AWS::SES::ConfigurationSet.Q");
    assert_eq!(r.kind, "AWS::SES::ConfigurationSet");
    assert_eq!(val(r, "name").and_then(Value::as_str), Some("x"));
}

#[test]
fn suppressions_from_metadata() {
    let src = r#"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Metadata:
      rampart:
        ignore:
          - id: RMP-AWS-S3-008
            reason: access logs go to the central account
            expires: 2027-01-31
      checkov:
        skip:
          - id: CKV_AWS_18
            comment: central logging
      cfn-lint:
        config:
          ignore_checks: [W3005]
      guard:
        SuppressedRules: [S3_BUCKET_LOGGING_ENABLED]
      cfn_nag:
        rules_to_suppress:
          - id: W35
            reason: central logging
    Properties:
      VersioningConfiguration:
        Status: Enabled
"#;
    let ev = load(src);
    let s = &ev.suppressions;
    assert_eq!(s.len(), 5, "{s:?}");
    let r = &s[0];
    assert_eq!(r.kind, SuppressionKind::Rampart);
    assert_eq!(r.address, "aws_s3_bucket.Bucket");
    assert_eq!(r.rule_or_alias, "RMP-AWS-S3-008");
    assert_eq!(r.expires.as_deref(), Some("2027-01-31"));
    assert!(r
        .addresses
        .contains(&"aws_s3_bucket_versioning.Bucket".to_string()));
    assert_eq!(s[1].kind, SuppressionKind::Checkov);
    assert_eq!(s[1].reason.as_deref(), Some("central logging"));
    assert_eq!(s[2].rule_or_alias, "W3005");
    assert_eq!(s[3].kind, SuppressionKind::CfnNag);
    assert_eq!(s[3].rule_or_alias, "W35");
    assert_eq!(s[4].kind, SuppressionKind::Guard);
}

#[test]
fn json_templates_with_comments_and_cdk_output() {
    let src = r#"{
  // written by hand
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Key": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true}},
    "Bucket": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketName": {"Fn::Join": ["-", ["a", {"Ref": "AWS::Region"}]]},
        "BucketEncryption": {"ServerSideEncryptionConfiguration": [
          {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms",
            "KMSMasterKeyID": {"Fn::GetAtt": ["Key", "Arn"]}}}]},
      },
      "Metadata": {"aws:cdk:path": "Stack/Bucket/Resource"}
    }
  }
}"#;
    assert!(rampart_cloudformation::detect(src));
    let (ev, sources) = load_with(src, &params(&[("AWS::Region", "eu-west-1")]));
    assert!(
        ev.diagnostics.iter().all(|d| d.level != Level::Error),
        "{:?}",
        ev.diagnostics
    );
    let b = res(&ev, "aws_s3_bucket.Bucket");
    assert_eq!(
        val(b, "bucket").and_then(Value::as_str),
        Some("a-eu-west-1")
    );
    let line = sources.locate(b.span).map(|l| l.start.line);
    assert_eq!(line, Some(6));
}

#[test]
fn detect_by_content() {
    assert!(rampart_cloudformation::detect(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
    ));
    assert!(rampart_cloudformation::detect(
        "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"
    ));
    assert!(!rampart_cloudformation::detect(
        "apiVersion: v1\nkind: Pod\n"
    ));
    assert!(!rampart_cloudformation::detect("Resources:\n  x: 1\n"));
    assert!(!rampart_cloudformation::detect(
        "{\"Resources\": {\"a\": {\"Type\": \"Other\"}}}"
    ));
}

#[test]
fn parameters_files_in_both_shapes() {
    let dir = tempfile::tempdir().expect("tmp");
    let tpl = dir.path().join("t.yaml");
    std::fs::write(
        &tpl,
        "Parameters:\n  Rot:\n    Type: String\n    Default: 'false'\nResources:\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: !Ref Rot\n",
    )
    .expect("write");
    for (name, body) in [
        (
            "a.json",
            r#"[{"ParameterKey": "Rot", "ParameterValue": "true"}]"#,
        ),
        ("b.json", r#"{"Parameters": {"Rot": "true"}}"#),
    ] {
        let pf = dir.path().join(name);
        std::fs::write(&pf, body).expect("write");
        let opts = Options {
            parameters_file: Some(pf),
            ..Options::default()
        };
        let ev = load_template(&tpl, &SourceMap::new(), &opts);
        let k = res(&ev, "aws_kms_key.K");
        assert_eq!(
            val(k, "enable_key_rotation").and_then(Value::as_bool),
            Some(true),
            "{name}"
        );
    }
}

#[test]
fn cdk_synthesized_templates() {
    let src = r#"{
 "Resources": {
  "DataBucketE3889A50": {
   "Type": "AWS::S3::Bucket",
   "Properties": {
    "VersioningConfiguration": {"Status": "Enabled"},
    "PublicAccessBlockConfiguration": {
     "BlockPublicAcls": true, "BlockPublicPolicy": true,
     "IgnorePublicAcls": true, "RestrictPublicBuckets": true
    }
   },
   "UpdateReplacePolicy": "Retain",
   "DeletionPolicy": "Retain",
   "Metadata": {"aws:cdk:path": "App/DataBucket/Resource"}
  },
  "CDKMetadata": {
   "Type": "AWS::CDK::Metadata",
   "Properties": {"Analytics": "v2:deflate64:abc"},
   "Metadata": {"aws:cdk:path": "App/CDKMetadata/Default"}
  }
 },
 "Parameters": {
  "BootstrapVersion": {
   "Type": "AWS::SSM::Parameter::Value<String>",
   "Default": "/cdk-bootstrap/hnb659fds/version"
  }
 },
 "Rules": {
  "CheckBootstrapVersion": {
   "Assertions": [{"Assert": {"Fn::Not": [{"Fn::Contains": [["1"], {"Ref": "BootstrapVersion"}]}]},
     "AssertDescription": "old bootstrap"}]
  }
 }
}"#;
    assert!(rampart_cloudformation::detect(src));
    let ev = load(src);
    assert!(ev.diagnostics.iter().all(|d| d.level != Level::Error));
    res(&ev, "aws_s3_bucket.DataBucketE3889A50");
    res(&ev, "aws_s3_bucket_versioning.DataBucketE3889A50");
    res(&ev, "AWS::CDK::Metadata.CDKMetadata");
}

/// The same template gives different findings for different parameter values.
#[test]
fn findings_follow_parameters() {
    let rule = rampart_rules::find("RMP-AWS-RDS-001").expect("rule");
    let status = |opts: &Options| {
        let (ev, _) = load_with(DB, opts);
        let ctx = rampart_rules::Ctx::new(&ev.resources);
        let db = res(&ev, "aws_db_instance.Db");
        (rule.check)(db, &ctx)
            .into_iter()
            .map(|c| c.status)
            .collect::<Vec<_>>()
    };
    use rampart_model::Status;
    assert_eq!(status(&Options::default()), vec![Status::Fail]);
    assert_eq!(status(&params(&[("Encrypt", "true")])), vec![Status::Pass]);
}

/// `Fn::If` on an unknown condition keeps the structure with unknown leaves,
/// so rules answer "unknown", not "not set".
#[test]
fn unknown_if_over_a_structure_gives_unknown_leaves() {
    let src = r#"
Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption: !If
        - IsProd
        - ServerSideEncryptionConfiguration:
            - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}
        - !Ref AWS::NoValue
      Tags:
        - Key: same
          Value: !If [IsProd, x, x]
"#;
    let ev = load(src);
    let e = res(
        &ev,
        "aws_s3_bucket_server_side_encryption_configuration.Bucket",
    );
    let algo = val(
        e,
        "rule.apply_server_side_encryption_by_default.sse_algorithm",
    );
    assert!(algo.is_some_and(Value::is_unknown), "{algo:?}");
    let b = res(&ev, "aws_s3_bucket.Bucket");
    assert_eq!(val(b, "tags.same"), Some(&Value::string("x")));
}

#[test]
fn numbers_keep_their_written_text_when_it_matters() {
    let ev = load("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      EngineVersion: 1.10\n      AllocatedStorage: 20\n      Port: 0443\n");
    let db = res(&ev, "aws_db_instance.Db");
    assert_eq!(val(db, "engine_version"), Some(&Value::string("1.10")));
    assert_eq!(val(db, "allocated_storage"), Some(&Value::from(20i64)));
    assert_eq!(val(db, "port").and_then(Value::as_f64), Some(443.0));
}

#[test]
fn bom_and_crlf() {
    let src = "\u{feff}AWSTemplateFormatVersion: '2010-09-09'\r\nResources:\r\n  Key:\r\n    Type: AWS::KMS::Key\r\n    Properties:\r\n      EnableKeyRotation: true\r\n";
    assert!(rampart_cloudformation::detect(src));
    let (ev, sources) = load_with(src, &Options::default());
    assert!(ev.diagnostics.is_empty(), "{:?}", ev.diagnostics);
    let k = res(&ev, "aws_kms_key.Key");
    let span = k
        .body
        .attr("enable_key_rotation")
        .map(|a| a.span)
        .unwrap_or_default();
    assert_eq!(sources.locate(span).map(|l| l.start.line), Some(6));
    let json = "\u{feff}{\"Resources\": {\"Key\": {\"Type\": \"AWS::KMS::Key\"}}}";
    assert!(rampart_cloudformation::detect(json));
    assert_eq!(load(json).resources.len(), 1);
}

#[test]
fn foreach_expands_resources() {
    let src = r#"
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
    Default: logs,data-lake
Resources:
  Key:
    Type: AWS::KMS::Key
  Fn::ForEach::Buckets:
    - Name
    - !Ref Names
    - '&{Name}Bucket':
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub 'acme-${Name}'
          Tags:
            - Key: name
              Value: !Ref Name
  Fn::ForEach::Unknown:
    - X
    - !Ref Missing
    - '${X}Topic':
        Type: AWS::SNS::Topic
"#;
    let ev = load(src);
    let b = res(&ev, "aws_s3_bucket.datalakeBucket");
    assert_eq!(
        val(b, "bucket").and_then(Value::as_str),
        Some("acme-data-lake")
    );
    assert_eq!(
        val(b, "tags.name").and_then(Value::as_str),
        Some("data-lake")
    );
    res(&ev, "aws_s3_bucket.logsBucket");
    assert!(ev.diagnostics.iter().any(|d| d.code == "cfn-foreach"));
}

#[test]
fn parameter_bounds_are_checked() {
    let src = "Parameters:\n  Days:\n    Type: Number\n    MinValue: 7\n    MaxValue: 35\n    Default: 3\n  Name:\n    Type: String\n    MaxLength: 4\n    Default: abcdef\nResources:\n  T:\n    Type: AWS::SNS::Topic\n";
    let ev = load(src);
    let n = ev
        .diagnostics
        .iter()
        .filter(|d| d.code == "cfn-parameter-invalid")
        .count();
    assert_eq!(n, 2, "{:?}", ev.diagnostics);
}
