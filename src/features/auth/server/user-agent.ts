/**
 * A readable name for the device behind a session ("Firefox 128 on Windows"),
 * from its User-Agent header. Good enough to recognise one's own devices; not
 * a security signal (the header is whatever the client sent).
 */
export interface DeviceDescription {
  browser: string | null;
  os: string | null;
  kind: 'desktop' | 'mobile' | 'tablet';
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/\bCriOS\/(\d+)/, 'Chrome'],
  [/\bChromium\/(\d+)/, 'Chromium'],
  [/(?:\b|Headless)Chrome\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bWindows NT\b/, 'Windows'],
  [/\b(?:iPhone|iPod)\b/, 'iOS'],
  [/\biPad\b/, 'iPadOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  const ua = userAgent ?? '';
  const browserMatch = BROWSERS.map(([pattern, name]) => [ua.match(pattern), name] as const).find(([match]) => match);
  const browser = browserMatch ? `${browserMatch[1]} ${browserMatch[0]![1]}` : null;
  const os = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  const kind =
    /\biPad\b|\bTablet\b/.test(ua) || (/\bAndroid\b/.test(ua) && !/\bMobile\b/.test(ua))
      ? 'tablet'
      : /\bMobi|\biPhone\b|\biPod\b/.test(ua)
        ? 'mobile'
        : 'desktop';
  return { browser, os, kind };
}
