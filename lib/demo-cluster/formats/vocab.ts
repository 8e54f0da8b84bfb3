/** Shared vocabulary for log lines: identifiers and the human text (much of it non-ASCII). */
import type { Rng } from '@/lib/demo-cluster/prng';

export const PRODUCTS = [
  'Café crème 250 g',
  'Kaffeemühle Edelstahl',
  'Thé vert Gyokuro 緑茶',
  '東京タワー 模型',
  'Смартфон Galaxy A55',
  'Ελαιόλαδο 1 L',
  'Jalapeño salsa picante',
  '🚀 Rocket desk lamp',
  'Smørrebrød cookbook',
  'Wireless earbuds',
  'Yoga mat (6 mm)',
  '한국 김치 500g',
  'Crème brûlée torch 🔥',
  'Ceramic mug "Hello, world"',
] as const;

export const SEARCH_TERMS = [
  'café',
  'earbuds',
  '東京',
  'niño',
  'yoga mat',
  'lamp',
  'Müsli',
  'smørrebrød',
  'kimchi 김치',
  'usb-c cable',
  '🎧',
] as const;

export const USERS = [
  'amelie.dubois',
  'jürgen.weiß',
  'sakura.tanaka',
  'olusegun.adeyemi',
  'maría.garcía',
  'li.wei',
  'noah.smith',
  'zoë.brontë',
] as const;

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'PLN'] as const;

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'okhttp/4.12.0',
  'AcmeShop/5.3.1 (Android 15; Pixel 8)',
  'kube-probe/1.31',
  'Go-http-client/2.0',
  'curl/8.10.1',
] as const;

export function clientIp(rng: Rng): string {
  // Documentation ranges (RFC 5737) plus a few carrier-grade NAT addresses.
  const block = rng.int(4);
  if (block === 0) return `192.0.2.${rng.between(1, 254)}`;
  if (block === 1) return `198.51.100.${rng.between(1, 254)}`;
  if (block === 2) return `203.0.113.${rng.between(1, 254)}`;
  return `100.64.${rng.between(0, 63)}.${rng.between(1, 254)}`;
}

export function orderId(rng: Rng): string {
  return `ord_${rng.hex(12)}`;
}

export function paymentId(rng: Rng): string {
  return `pay_${rng.hex(16)}`;
}

export function traceId(rng: Rng): string {
  return rng.hex(32);
}

export function productId(rng: Rng): number {
  return rng.between(1000, 98000);
}

/** Money with two decimals from integer cents (no locale formatting). */
export function money(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return `${whole}.${rest < 10 ? '0' : ''}${rest}`;
}

/** Latency in ms with a long tail: most requests fast, a few slow. */
export function latencyMs(rng: Rng, slow = false): number {
  const base = rng.next() < 0.9 ? 5 + rng.int(80) : 80 + rng.int(900);
  return slow ? base * 20 + rng.int(5000) : base;
}
