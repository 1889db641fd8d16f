/** Where the renderer's bundle is written by default: node_modules/.cache/tierbot/. */
export declare const BUNDLE_DIR: string;
/** The renderer bundled into one JavaScript module in `dir`: its path, or undefined if it could not be made. */
export declare function bundleRenderer(dir?: string): Promise<string | undefined>;
