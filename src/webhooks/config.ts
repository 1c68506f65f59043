/** The webhook settings the environment gives (the rest comes from the service's queue configuration). */
export interface WebhookConfig {
  /** WEBHOOK_ALLOW_PRIVATE_TARGETS=1: subscriptions may point at private, loopback, link-local… addresses. */
  allowPrivateTargets: boolean;
}

export function loadWebhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  const raw = (env.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? '').trim().toLowerCase();
  return { allowPrivateTargets: ['1', 'true', 'yes'].includes(raw) };
}
