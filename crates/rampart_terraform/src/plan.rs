//! Plan JSON (`terraform show -json`) and state JSON (v4) (to be written).
