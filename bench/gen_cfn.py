#!/usr/bin/env python3
"""Generate a synthetic CloudFormation corpus for the rampart benchmarks.

usage: gen_cfn.py [--seed N] COUNT OUTDIR

Writes COUNT templates (YAML with short-form tags, and every fifth one as
JSON), deterministic for a seed. Each template uses parameters, conditions,
mappings, Fn::If / Fn::Sub / Fn::GetAtt / Ref, and a realistic mix of
resources: S3 buckets with and without encryption, versioning, logging and
public access blocks, bucket policies, security groups with open and closed
ingress, RDS instances, KMS keys, EBS volumes, SQS queues and SNS topics, IAM
roles with inline policies. Some resources are misconfigured, most are not.
"""
import argparse
import json
import os
import random


def template(i, rnd):
    env_default = rnd.choice(["dev", "staging", "prod"])
    res = {}
    params = {
        "Env": {"Type": "String", "Default": env_default, "AllowedValues": ["dev", "staging", "prod"]},
        "KeyArn": {"Type": "String", "Default": ""},
    }
    conditions = {
        "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
        "HasKey": {"Fn::Not": [{"Fn::Equals": [{"Ref": "KeyArn"}, ""]}]},
    }
    mappings = {"Retention": {"dev": {"Days": 1}, "staging": {"Days": 7}, "prod": {"Days": 35}}}
    for b in range(rnd.randint(2, 5)):
        name = f"Bucket{b}"
        props = {"BucketName": {"Fn::Sub": f"app-{i}-{b}-${{Env}}"}}
        if rnd.random() < 0.7:
            props["BucketEncryption"] = {"ServerSideEncryptionConfiguration": [{
                "ServerSideEncryptionByDefault": {
                    "SSEAlgorithm": {"Fn::If": ["HasKey", "aws:kms", "AES256"]},
                    "KMSMasterKeyID": {"Fn::If": ["HasKey", {"Ref": "KeyArn"}, {"Ref": "AWS::NoValue"}]},
                }}]}
        if rnd.random() < 0.6:
            props["VersioningConfiguration"] = {"Status": {"Fn::If": ["IsProd", "Enabled", "Suspended"]}}
        if rnd.random() < 0.5:
            props["LoggingConfiguration"] = {"DestinationBucketName": "central-logs", "LogFilePrefix": name}
        if rnd.random() < 0.8:
            props["PublicAccessBlockConfiguration"] = {
                "BlockPublicAcls": True, "BlockPublicPolicy": True,
                "IgnorePublicAcls": True, "RestrictPublicBuckets": rnd.random() < 0.9}
        res[name] = {"Type": "AWS::S3::Bucket", "Properties": props}
        if rnd.random() < 0.4:
            res[name + "Policy"] = {"Type": "AWS::S3::BucketPolicy", "Properties": {
                "Bucket": {"Ref": name},
                "PolicyDocument": {"Version": "2012-10-17", "Statement": [{
                    "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                    "Resource": [{"Fn::GetAtt": [name, "Arn"]}, {"Fn::Sub": "${" + name + ".Arn}/*"}],
                    "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}}
    for s in range(rnd.randint(1, 3)):
        port = rnd.choice([22, 443, 3389, 5432, 80])
        cidr = rnd.choice(["0.0.0.0/0", "10.0.0.0/8", "10.20.0.0/16"])
        res[f"Sg{s}"] = {"Type": "AWS::EC2::SecurityGroup", "Properties": {
            "GroupDescription": "app", "VpcId": "vpc-12345678",
            "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": port, "ToPort": port, "CidrIp": cidr}]}}
    if rnd.random() < 0.5:
        res["Db"] = {"Type": "AWS::RDS::DBInstance", "Properties": {
            "Engine": "postgres", "DBInstanceClass": "db.t3.medium", "AllocatedStorage": "50",
            "MasterUsername": "app", "MasterUserPassword": "{{resolve:secretsmanager:db:SecretString:password}}",
            "StorageEncrypted": {"Fn::If": ["IsProd", True, rnd.random() < 0.5]},
            "PubliclyAccessible": rnd.random() < 0.1,
            "BackupRetentionPeriod": {"Fn::FindInMap": ["Retention", {"Ref": "Env"}, "Days"]},
            "DeletionProtection": {"Fn::If": ["IsProd", True, False]},
            "MultiAZ": {"Fn::If": ["IsProd", True, False]}}}
    if rnd.random() < 0.6:
        res["Key"] = {"Type": "AWS::KMS::Key", "Properties": {
            "EnableKeyRotation": rnd.random() < 0.8,
            "KeyPolicy": {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Principal": {"AWS": {"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:root"}},
                "Action": "kms:*", "Resource": "*"}]}}}
    if rnd.random() < 0.5:
        res["Volume"] = {"Type": "AWS::EC2::Volume", "Properties": {
            "AvailabilityZone": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}, "Size": 100,
            "Encrypted": rnd.random() < 0.7}}
    res["Queue"] = {"Type": "AWS::SQS::Queue", "Properties": {"SqsManagedSseEnabled": rnd.random() < 0.9}}
    res["Topic"] = {"Type": "AWS::SNS::Topic", "Properties": (
        {"KmsMasterKeyId": "alias/aws/sns"} if rnd.random() < 0.5 else {})}
    res["Role"] = {"Type": "AWS::IAM::Role", "Properties": {
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        "Policies": [{"PolicyName": "app", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow",
            "Action": "*" if rnd.random() < 0.15 else ["s3:GetObject", "s3:PutObject"],
            "Resource": "*" if rnd.random() < 0.3 else {"Fn::Sub": "arn:aws:s3:::app-" + str(i) + "/*"}}]}}]}}
    return {"AWSTemplateFormatVersion": "2010-09-09", "Description": f"generated template {i}",
            "Parameters": params, "Conditions": conditions, "Mappings": mappings, "Resources": res}


SHORT = {"Ref": "!Ref", "Fn::Sub": "!Sub", "Fn::If": "!If", "Fn::Equals": "!Equals",
         "Fn::Not": "!Not", "Fn::FindInMap": "!FindInMap", "Fn::Select": "!Select", "Fn::GetAZs": "!GetAZs"}


def yaml_scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    return json.dumps(v)


def short_form(v):
    """`!Tag arg` for an intrinsic whose argument is a scalar or a list of
    scalars; None when it needs the long form."""
    if not (isinstance(v, dict) and len(v) == 1):
        return None
    (k, inner), = v.items()
    if k not in SHORT:
        return None
    if isinstance(inner, list):
        if all(not isinstance(x, (dict, list)) for x in inner):
            return SHORT[k] + " [" + ", ".join(yaml_scalar(x) for x in inner) + "]"
        return None
    if isinstance(inner, dict):
        return None
    return SHORT[k] + " " + yaml_scalar(inner)


def to_yaml(v, indent=0):
    """Block-style YAML lines for a dict or list at `indent`."""
    pad = "  " * indent
    out = []
    if isinstance(v, dict):
        for k, inner in v.items():
            sf = short_form(inner)
            if sf is not None:
                out.append(f"{pad}{k}: {sf}")
            elif isinstance(inner, (dict, list)) and inner:
                out.append(f"{pad}{k}:")
                out.extend(to_yaml(inner, indent + 1))
            elif isinstance(inner, (dict, list)):
                out.append(f"{pad}{k}: {json.dumps(inner)}")
            else:
                out.append(f"{pad}{k}: {yaml_scalar(inner)}")
    else:
        for inner in v:
            sf = short_form(inner)
            if sf is not None:
                out.append(f"{pad}- {sf}")
            elif isinstance(inner, (dict, list)) and inner:
                sub = to_yaml(inner, indent + 1)
                first = sub[0].lstrip()
                out.append(f"{pad}- {first}" if isinstance(inner, dict) else f"{pad}-")
                out.extend(sub[1:] if isinstance(inner, dict) else sub)
            else:
                out.append(f"{pad}- {yaml_scalar(inner) if not isinstance(inner, (dict, list)) else json.dumps(inner)}")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("count", type=int)
    ap.add_argument("outdir")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    for i in range(a.count):
        t = template(i, rnd)
        sub = os.path.join(a.outdir, f"stack{i // 100:02d}")
        os.makedirs(sub, exist_ok=True)
        if i % 5 == 4:
            with open(os.path.join(sub, f"t{i:05d}.template.json"), "w") as f:
                json.dump(t, f, indent=1)
        else:
            with open(os.path.join(sub, f"t{i:05d}.yaml"), "w") as f:
                f.write("\n".join(to_yaml(t)) + "\n")
    print(f"wrote {a.count} templates to {a.outdir}")


if __name__ == "__main__":
    main()
