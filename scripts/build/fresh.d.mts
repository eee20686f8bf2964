export declare const ROOT: string;
export declare const DIST: string;
export declare function newestSource(dir?: string): number;
export declare function freshBuild(
  name: string,
  folders?: { dist?: string; sources?: string },
): string | undefined;
