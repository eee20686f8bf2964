// swagger2openapi ships no types; this covers the one call the loader makes.
declare module "swagger2openapi" {
  export interface ConvertOptions {
    patch?: boolean;
    warnOnly?: boolean;
    resolve?: boolean;
    /** Source text; when absent the converter re-serialises the whole spec to YAML. */
    text?: string;
    warnProperty?: string;
  }
  export interface ConvertResult {
    openapi: Record<string, unknown>;
  }
  export function convertObj(swagger: object, options: ConvertOptions): Promise<ConvertResult>;
  const swagger2openapi: { convertObj: typeof convertObj };
  export default swagger2openapi;
}
