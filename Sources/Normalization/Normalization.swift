// The Normalization module: feature standardization (`Standardizer`), batch
// normalization (`BatchNormalization`, a TensorCore `Layer`) and layer
// normalization (`LayerNormalization`). See DESIGN.md for what it may import.
