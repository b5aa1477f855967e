/**
 * The few `chrome.*` calls the tests make inside the extension's service worker (via
 * `worker.evaluate`). Shipped code uses `browser` from wxt/browser; ESLint forbids `chrome` there.
 */
interface TestTab {
  id?: number;
  url?: string;
}

interface TestManifest {
  permissions?: string[];
  optional_host_permissions?: string[];
  host_permissions?: string[];
  content_security_policy?: unknown;
  [key: string]: unknown;
}

declare const chrome: {
  tabs: {
    query(query: Record<string, unknown>): Promise<TestTab[]>;
    get(tabId: number): Promise<TestTab>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  contextMenus: { update(id: string, changes: Record<string, unknown>): Promise<void> };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getTitle(details: { tabId: number }): Promise<string>;
  };
  storage: {
    sync: {
      clear(): Promise<void>;
      set(items: Record<string, unknown>): Promise<void>;
      get(keys: string | null): Promise<Record<string, unknown>>;
      getBytesInUse(keys: string | null): Promise<number>;
      QUOTA_BYTES: number;
    };
  };
  runtime: { getManifest(): TestManifest; reload(): void; id: string };
  scripting: {
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
};
