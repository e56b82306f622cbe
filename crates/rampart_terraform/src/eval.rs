//! Expression evaluation (to be written).
