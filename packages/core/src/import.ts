// @kpikit/core/import: facts from other systems' exports — CSV column mappings and their presets.
export {
  type ColumnMapping,
  columnMappingSchema,
  type FieldSource,
  importPresets,
  type MappedRows,
  recordsFromRows,
  shopifyOrdersMapping,
} from "./import/mapping.js";
