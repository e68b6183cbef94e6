import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Lemon Squeezy (tests only): the JSON:API endpoints Keel's adapter calls, answering
 * with objects shaped as Lemon Squeezy documents them (`data.type/id/attributes/relationships`), state kept
 * in memory — and Lemon Squeezy's side of things: when a buyer pays, a renewal is charged or declined, a card
 * is fixed or anything changes, it builds the webhooks Lemon Squeezy would send (`meta.event_name`,
 * `meta.custom_data`), signs them (X-Signature: hex HMAC-SHA256 of the body) and POSTs them to `webhookUrl`.
 */

export interface MockVariant {
  id: string;
  interval: 'month' | 'year' | 'one_off';
  /** Lemon Squeezy sets trials on the variant. */
  trialDays: number;
  usageBased: boolean;
  price: number;
}

export interface SentWebhook {
  body: string;
  headers: Record<string, string>;
}

type Json = Record<string, unknown>;

export interface Customer {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  updatedAt: string;
}
export interface Checkout {
  id: string;
  variantId: string;
  quantity: number;
  email: string | null;
  custom: Json | null;
  redirectUrl: string | null;
  expiresAt: string | null;
  createdAt: string;
  paid: boolean;
}
export interface Subscription {
  id: string;
  customerId: string;
  orderId: string;
  variantId: string;
  itemId: string;
  quantity: number;
  status: 'on_trial' | 'active' | 'paused' | 'past_due' | 'unpaid' | 'cancelled' | 'expired';
  cancelled: boolean;
  pause: { mode: 'void' | 'free'; resumes_at: string | null } | null;
  trialEndsAt: string | null;
  renewsAt: string;
  endsAt: string | null;
  custom: Json | null;
  createdAt: string;
  updatedAt: string;
}
export interface Invoice {
  id: string;
  subscriptionId: string;
  customerId: string;
  reason: 'initial' | 'renewal' | 'updated';
  status: 'pending' | 'paid' | 'void' | 'refunded';
  total: number;
  createdAt: string;
  updatedAt: string;
}
export interface Order {
  id: string;
  customerId: string;
  variantId: string;
  quantity: number;
  status: 'pending' | 'failed' | 'paid' | 'refunded';
  total: number;
  custom: Json | null;
  createdAt: string;
  updatedAt: string;
}
export interface UsageRecord {
  id: string;
  subscriptionItemId: string;
  quantity: number;
  action: string;
}

/** A request the adapter made, for tests that check what reached Lemon Squeezy. */
export interface MockRequest {
  method: string;
  path: string;
  body: Json | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class LemonSqueezyMock {
  readonly storeId = '4242';
  url = '';
  webhookUrl = '';
  readonly requests: MockRequest[] = [];
  readonly customers = new Map<string, Customer>();
  readonly checkouts = new Map<string, Checkout>();
  readonly subscriptions = new Map<string, Subscription>();
  readonly invoices = new Map<string, Invoice>();
  readonly orders = new Map<string, Order>();
  readonly usageRecords: UsageRecord[] = [];
  private readonly variants = new Map<string, MockVariant>();
  private readonly sentWebhooks: SentWebhook[] = [];
  private held = false;
  private deliveries: Promise<unknown> = Promise.resolve();
  private server: Server | null = null;
  private nextId = 1000;
  private lastTime = 0;

  constructor(
    readonly apiKey: string,
    readonly webhookSecret: string,
  ) {}

  addVariant(variant: MockVariant) {
    this.variants.set(variant.id, variant);
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await this.settled();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** A strictly increasing clock: every change gets its own `updated_at`. */
  now(): string {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return new Date(this.lastTime).toISOString();
  }

  private id(): string {
    return String(this.nextId++);
  }

  // ——— Lemon Squeezy's side: what the buyer and the billing cycle do ———

  /**
   * The buyer pays a checkout. Lemon Squeezy decides the customer by the email typed there (a buyer who types
   * another one becomes another customer). Keel creates a customer per organization, so one person may have
   * several: the mock takes the newest of that email (Lemon Squeezy does not document which it takes).
   */
  pay(checkoutId: string, { email }: { email?: string } = {}) {
    const checkout = this.checkouts.get(checkoutId);
    if (!checkout) throw new Error(`mock: no checkout ${checkoutId}`);
    if (checkout.paid) throw new Error(`mock: checkout ${checkoutId} is already paid`);
    if (checkout.expiresAt && Date.parse(checkout.expiresAt) < Date.now())
      throw new Error(`mock: checkout ${checkoutId} has expired`);
    const variant = this.variants.get(checkout.variantId)!;
    const buyer = email ?? checkout.email ?? 'buyer@example.com';
    const at = this.now();
    const customer =
      [...this.customers.values()].reverse().find((known) => known.email === buyer) ??
      this.createCustomer({ name: buyer, email: buyer });
    checkout.paid = true;
    const order: Order = {
      id: this.id(),
      customerId: customer.id,
      variantId: variant.id,
      quantity: checkout.quantity,
      status: 'paid',
      total: variant.price * checkout.quantity,
      custom: checkout.custom,
      createdAt: at,
      updatedAt: at,
    };
    this.orders.set(order.id, order);
    this.send('order_created', this.orderResource(order), order.custom);
    if (variant.interval === 'one_off') return { order };
    const trialEndsAt = variant.trialDays > 0 ? new Date(Date.now() + variant.trialDays * DAY_MS).toISOString() : null;
    const subscription: Subscription = {
      id: this.id(),
      customerId: customer.id,
      orderId: order.id,
      variantId: variant.id,
      itemId: this.id(),
      quantity: checkout.quantity,
      status: trialEndsAt ? 'on_trial' : 'active',
      cancelled: false,
      pause: null,
      trialEndsAt,
      renewsAt: trialEndsAt ?? this.after(at, variant.interval),
      endsAt: null,
      custom: checkout.custom,
      createdAt: at,
      updatedAt: at,
    };
    this.subscriptions.set(subscription.id, subscription);
    this.send('subscription_created', this.subscriptionResource(subscription), subscription.custom);
    if (!trialEndsAt) this.charge(subscription, 'initial', 'paid');
    return { order, subscription };
  }

  /** The period ends and the renewal is charged: paid, or declined (past due). */
  renew(subscriptionId: string, outcome: 'paid' | 'declined') {
    const subscription = this.subscription(subscriptionId);
    const variant = this.variants.get(subscription.variantId)!;
    if (outcome === 'paid') {
      subscription.renewsAt = this.after(subscription.renewsAt, variant.interval);
      this.change(subscription, { status: 'active', trialEndsAt: subscription.trialEndsAt });
      this.charge(subscription, 'renewal', 'paid');
    } else {
      this.change(subscription, { status: 'past_due' });
      this.charge(subscription, 'renewal', 'pending');
    }
  }

  /** The customer fixes the card; the retry of the open invoice is paid. */
  recover(subscriptionId: string) {
    const subscription = this.subscription(subscriptionId);
    const invoice = [...this.invoices.values()]
      .reverse()
      .find((candidate) => candidate.subscriptionId === subscriptionId && candidate.status === 'pending');
    if (!invoice) throw new Error(`mock: no open invoice for ${subscriptionId}`);
    const variant = this.variants.get(subscription.variantId)!;
    subscription.renewsAt = this.after(subscription.renewsAt, variant.interval);
    this.change(subscription, { status: 'active' });
    Object.assign(invoice, { status: 'paid', updatedAt: this.now() });
    this.send('subscription_payment_recovered', this.invoiceResource(invoice), subscription.custom);
  }

  /** A cancelled subscription reaches its end. */
  expire(subscriptionId: string) {
    const subscription = this.subscription(subscriptionId);
    this.change(subscription, { status: 'expired', endsAt: subscription.endsAt ?? this.now() }, 'subscription_expired');
  }

  refund(orderId: string) {
    const order = this.orders.get(orderId)!;
    Object.assign(order, { status: 'refunded', updatedAt: this.now() });
    this.send('order_refunded', this.orderResource(order), order.custom);
  }

  // ——— webhooks ———

  sent(): SentWebhook[] {
    return [...this.sentWebhooks];
  }

  hold(held: boolean) {
    this.held = held;
  }

  /** Posts a webhook to the app, as Lemon Squeezy does: the response's status. */
  async deliver(webhook: SentWebhook): Promise<number> {
    const response = await fetch(this.webhookUrl, { method: 'POST', headers: webhook.headers, body: webhook.body });
    await response.text();
    return response.status;
  }

  async settled(): Promise<void> {
    for (;;) {
      const current = this.deliveries;
      await current;
      if (current === this.deliveries) return;
    }
  }

  /** The body Lemon Squeezy would send for an event about a resource, and its headers. */
  webhook(eventName: string, resource: Json, custom: Json | null): SentWebhook {
    const body = JSON.stringify({
      meta: {
        test_mode: true,
        event_name: eventName,
        webhook_id: 'wh-keel-test',
        ...(custom ? { custom_data: custom } : {}),
      },
      data: resource,
    });
    const signature = createHmac('sha256', this.webhookSecret).update(body).digest('hex');
    return {
      body,
      headers: { 'content-type': 'application/json', 'x-event-name': eventName, 'x-signature': signature },
    };
  }

  private send(eventName: string, resource: Json, custom: Json | null) {
    const webhook = this.webhook(eventName, resource, custom);
    this.sentWebhooks.push(webhook);
    if (this.held || !this.webhookUrl) return;
    this.deliveries = this.deliveries.then(() => this.deliver(webhook).catch(() => 0));
  }

  // ——— state changes ———

  private after(from: string, interval: MockVariant['interval']): string {
    const date = new Date(from);
    if (interval === 'year') date.setUTCFullYear(date.getUTCFullYear() + 1);
    else date.setUTCMonth(date.getUTCMonth() + 1);
    return date.toISOString();
  }

  private subscription(id: string): Subscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw new Error(`mock: no subscription ${id}`);
    return subscription;
  }

  private change(subscription: Subscription, change: Partial<Subscription>, eventName?: string) {
    Object.assign(subscription, change, { updatedAt: this.now() });
    const resource = this.subscriptionResource(subscription);
    if (eventName) this.send(eventName, resource, subscription.custom);
    this.send('subscription_updated', resource, subscription.custom);
  }

  private charge(subscription: Subscription, reason: Invoice['reason'], status: 'paid' | 'pending') {
    const variant = this.variants.get(subscription.variantId)!;
    const at = this.now();
    const invoice: Invoice = {
      id: this.id(),
      subscriptionId: subscription.id,
      customerId: subscription.customerId,
      reason,
      status,
      total: variant.usageBased ? 0 : variant.price * subscription.quantity,
      createdAt: at,
      updatedAt: at,
    };
    this.invoices.set(invoice.id, invoice);
    this.send(
      status === 'paid' ? 'subscription_payment_success' : 'subscription_payment_failed',
      this.invoiceResource(invoice),
      subscription.custom,
    );
  }

  private createCustomer({ name, email }: { name: string; email: string }): Customer {
    const at = this.now();
    const customer = { id: this.id(), name, email, createdAt: at, updatedAt: at };
    this.customers.set(customer.id, customer);
    return customer;
  }

  // ——— documented object shapes ———

  private links(type: string, id: string) {
    return { self: `https://api.lemonsqueezy.com/v1/${type}/${id}` };
  }

  private related(type: string, id: string, names: string[]) {
    return Object.fromEntries(
      names.map((name) => [
        name,
        {
          links: { related: `https://api.lemonsqueezy.com/v1/${type}/${id}/${name}`, self: `…/relationships/${name}` },
        },
      ]),
    );
  }

  customerResource(customer: Customer): Json {
    const hasSubscription = [...this.subscriptions.values()].some((one) => one.customerId === customer.id);
    return {
      type: 'customers',
      id: customer.id,
      attributes: {
        store_id: Number(this.storeId),
        name: customer.name,
        email: customer.email,
        status: 'subscribed',
        total_revenue_currency: 0,
        mrr: 0,
        urls: {
          customer_portal: hasSubscription ? `https://keel-test.lemonsqueezy.com/billing?c=${customer.id}` : null,
        },
        created_at: customer.createdAt,
        updated_at: customer.updatedAt,
        test_mode: true,
      },
      relationships: this.related('customers', customer.id, ['store', 'orders', 'subscriptions', 'license-keys']),
      links: this.links('customers', customer.id),
    };
  }

  subscriptionResource(subscription: Subscription): Json {
    const variant = this.variants.get(subscription.variantId)!;
    return {
      type: 'subscriptions',
      id: subscription.id,
      attributes: {
        store_id: Number(this.storeId),
        customer_id: Number(subscription.customerId),
        order_id: Number(subscription.orderId),
        order_item_id: Number(subscription.orderId) + 1,
        product_id: 1,
        variant_id: Number(subscription.variantId),
        product_name: 'Keel',
        variant_name: subscription.variantId,
        user_name: this.customers.get(subscription.customerId)?.name ?? '',
        user_email: this.customers.get(subscription.customerId)?.email ?? '',
        status: subscription.status,
        status_formatted: subscription.status,
        card_brand: 'visa',
        card_last_four: '4242',
        pause: subscription.pause,
        cancelled: subscription.cancelled,
        trial_ends_at: subscription.trialEndsAt,
        billing_anchor: new Date(subscription.createdAt).getUTCDate(),
        first_subscription_item: {
          id: Number(subscription.itemId),
          subscription_id: Number(subscription.id),
          price_id: Number(subscription.variantId) + 50000,
          quantity: subscription.quantity,
          is_usage_based: variant.usageBased,
          created_at: subscription.createdAt,
          updated_at: subscription.updatedAt,
        },
        urls: {
          update_payment_method: `https://keel-test.lemonsqueezy.com/subscription/${subscription.id}/payment-details`,
          customer_portal: `https://keel-test.lemonsqueezy.com/billing?c=${subscription.customerId}`,
          customer_portal_update_subscription: `https://keel-test.lemonsqueezy.com/billing/${subscription.id}/update`,
        },
        renews_at: subscription.renewsAt,
        ends_at: subscription.endsAt,
        created_at: subscription.createdAt,
        updated_at: subscription.updatedAt,
        test_mode: true,
      },
      relationships: this.related('subscriptions', subscription.id, ['store', 'customer', 'order', 'variant']),
      links: this.links('subscriptions', subscription.id),
    };
  }

  invoiceResource(invoice: Invoice): Json {
    return {
      type: 'subscription-invoices',
      id: invoice.id,
      attributes: {
        store_id: Number(this.storeId),
        subscription_id: Number(invoice.subscriptionId),
        customer_id: Number(invoice.customerId),
        user_name: this.customers.get(invoice.customerId)?.name ?? '',
        user_email: this.customers.get(invoice.customerId)?.email ?? '',
        billing_reason: invoice.reason,
        card_brand: 'visa',
        card_last_four: '4242',
        currency: 'USD',
        currency_rate: '1.00000000',
        status: invoice.status,
        status_formatted: invoice.status,
        refunded: invoice.status === 'refunded',
        refunded_at: null,
        subtotal: invoice.total,
        discount_total: 0,
        tax: 0,
        total: invoice.total,
        urls: {
          invoice_url: invoice.status === 'pending' ? null : `https://keel-test.lemonsqueezy.com/i/${invoice.id}`,
        },
        created_at: invoice.createdAt,
        updated_at: invoice.updatedAt,
        test_mode: true,
      },
      relationships: this.related('subscription-invoices', invoice.id, ['store', 'subscription', 'customer']),
      links: this.links('subscription-invoices', invoice.id),
    };
  }

  orderResource(order: Order): Json {
    return {
      type: 'orders',
      id: order.id,
      attributes: {
        store_id: Number(this.storeId),
        customer_id: Number(order.customerId),
        identifier: `0000-${order.id}`,
        order_number: Number(order.id),
        user_name: this.customers.get(order.customerId)?.name ?? '',
        user_email: this.customers.get(order.customerId)?.email ?? '',
        currency: 'USD',
        currency_rate: '1.0000',
        subtotal: order.total,
        discount_total: 0,
        tax: 0,
        total: order.total,
        status: order.status,
        status_formatted: order.status,
        refunded: order.status === 'refunded',
        refunded_at: order.status === 'refunded' ? order.updatedAt : null,
        first_order_item: {
          id: Number(order.id) + 1,
          order_id: Number(order.id),
          product_id: 1,
          variant_id: Number(order.variantId),
          product_name: 'Keel',
          variant_name: order.variantId,
          price: order.total,
          quantity: order.quantity,
          created_at: order.createdAt,
          updated_at: order.updatedAt,
          test_mode: true,
        },
        urls: { receipt: `https://app.lemonsqueezy.com/my-orders/${order.id}` },
        created_at: order.createdAt,
        updated_at: order.updatedAt,
        test_mode: true,
      },
      relationships: this.related('orders', order.id, ['store', 'customer', 'order-items', 'subscriptions']),
      links: this.links('orders', order.id),
    };
  }

  // ——— the API ———

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    let body: Json | null = null;
    try {
      body = text ? (JSON.parse(text) as Json) : null;
    } catch {
      return this.answer(response, 400, { errors: [{ status: '400', title: 'Bad Request', detail: 'invalid JSON' }] });
    }
    this.requests.push({ method, path: url.pathname + url.search, body });
    if (request.headers.authorization !== `Bearer ${this.apiKey}`)
      return this.answer(response, 401, { errors: [{ status: '401', title: 'Unauthorized' }] });
    try {
      const [status, json] = this.route(method, url, body);
      this.answer(response, status, json);
    } catch (error) {
      this.answer(response, 422, { errors: [{ status: '422', title: 'Unprocessable', detail: String(error) }] });
    }
  }

  private answer(response: ServerResponse, status: number, json: Json) {
    response.writeHead(status, { 'content-type': 'application/vnd.api+json' }).end(JSON.stringify(json));
  }

  private route(method: string, url: URL, body: Json | null): [number, Json] {
    const parts = url.pathname.split('/').filter(Boolean);
    const [version, kind, id] = parts;
    const attributes = ((body?.data as Json | undefined)?.attributes ?? {}) as Json;
    const notFound: [number, Json] = [404, { errors: [{ status: '404', title: 'Not Found' }] }];
    if (version !== 'v1') return notFound;
    const include = (url.searchParams.get('include') ?? '').split(',').filter(Boolean);

    if (kind === 'customers' && method === 'POST' && !id) {
      if (typeof attributes.email !== 'string' || !attributes.email.includes('@'))
        return [422, { errors: [{ status: '422', title: 'Unprocessable Entity', detail: 'email is required' }] }];
      const customer = this.createCustomer({ name: String(attributes.name ?? ''), email: attributes.email });
      return [201, { data: this.customerResource(customer) }];
    }
    if (kind === 'customers' && method === 'GET' && id) {
      const customer = this.customers.get(id);
      if (!customer) return notFound;
      const included = [
        ...(include.includes('subscriptions')
          ? [...this.subscriptions.values()]
              .filter((one) => one.customerId === id)
              .map((one) => this.subscriptionResource(one))
          : []),
        ...(include.includes('orders')
          ? [...this.orders.values()].filter((one) => one.customerId === id).map((one) => this.orderResource(one))
          : []),
      ];
      return [200, { data: this.customerResource(customer), ...(include.length ? { included } : {}) }];
    }
    if (kind === 'checkouts' && method === 'POST' && !id) {
      const relationships = (body?.data as Json).relationships as Record<string, { data: { id: string } }>;
      const variantId = relationships.variant!.data.id;
      if (relationships.store!.data.id !== this.storeId || !this.variants.has(variantId)) return notFound;
      const data = (attributes.checkout_data ?? {}) as Json;
      const quantities = (data.variant_quantities ?? []) as { variant_id: number; quantity: number }[];
      const options = (attributes.product_options ?? {}) as Json;
      const at = this.now();
      const checkout: Checkout = {
        id: `${this.id()}-ch`,
        variantId,
        quantity: quantities.find((one) => String(one.variant_id) === variantId)?.quantity ?? 1,
        email: typeof data.email === 'string' ? data.email : null,
        custom: (data.custom as Json | undefined) ?? null,
        redirectUrl: (options.redirect_url as string | undefined) ?? null,
        expiresAt: (attributes.expires_at as string | null | undefined) ?? null,
        createdAt: at,
        paid: false,
      };
      this.checkouts.set(checkout.id, checkout);
      return [
        201,
        {
          data: {
            type: 'checkouts',
            id: checkout.id,
            attributes: {
              store_id: Number(this.storeId),
              variant_id: Number(variantId),
              custom_price: null,
              product_options: options,
              checkout_options: attributes.checkout_options ?? {},
              checkout_data: data,
              preview: null,
              expires_at: checkout.expiresAt,
              created_at: at,
              updated_at: at,
              test_mode: true,
              url: `https://keel-test.lemonsqueezy.com/checkout/custom/${checkout.id}?signature=test`,
            },
            relationships: this.related('checkouts', checkout.id, ['store', 'variant']),
            links: this.links('checkouts', checkout.id),
          },
        },
      ];
    }
    if (kind === 'subscriptions' && id) {
      const subscription = this.subscriptions.get(id);
      if (!subscription) return notFound;
      if (method === 'GET') return [200, { data: this.subscriptionResource(subscription) }];
      if (method === 'DELETE') {
        if (subscription.status !== 'expired')
          this.change(
            subscription,
            { status: 'cancelled', cancelled: true, endsAt: subscription.trialEndsAt ?? subscription.renewsAt },
            'subscription_cancelled',
          );
        return [200, { data: this.subscriptionResource(subscription) }];
      }
      if (method === 'PATCH') return [200, { data: this.patchSubscription(subscription, attributes) }];
    }
    if (kind === 'subscription-items' && id && method === 'PATCH') {
      const subscription = [...this.subscriptions.values()].find((one) => one.itemId === id);
      if (!subscription) return notFound;
      if (this.variants.get(subscription.variantId)!.usageBased)
        return [422, { errors: [{ status: '422', detail: 'a usage-based item has no quantity' }] }];
      this.change(subscription, { quantity: Number(attributes.quantity) });
      return [200, { data: { type: 'subscription-items', id, attributes: { quantity: subscription.quantity } } }];
    }
    if (kind === 'usage-records' && method === 'POST') {
      const relationships = (body?.data as Json).relationships as Record<string, { data: { id: string } }>;
      const itemId = relationships['subscription-item']!.data.id;
      const subscription = [...this.subscriptions.values()].find((one) => one.itemId === itemId);
      if (!subscription || !this.variants.get(subscription.variantId)!.usageBased)
        return [422, { errors: [{ status: '422', detail: 'not a usage-based subscription item' }] }];
      const record = {
        id: this.id(),
        subscriptionItemId: itemId,
        quantity: Number(attributes.quantity),
        action: String(attributes.action ?? 'increment'),
      };
      this.usageRecords.push(record);
      return [201, { data: { type: 'usage-records', id: record.id, attributes: { ...record } } }];
    }
    if (kind === 'subscription-invoices' && method === 'GET' && !id) {
      const subscriptionId = url.searchParams.get('filter[subscription_id]');
      const size = Number(url.searchParams.get('page[size]') ?? 10);
      const list = [...this.invoices.values()]
        .filter((one) => !subscriptionId || one.subscriptionId === subscriptionId)
        .slice(-size)
        .map((one) => this.invoiceResource(one));
      return [200, { meta: { page: { total: list.length } }, data: list }];
    }
    return notFound;
  }

  private patchSubscription(subscription: Subscription, attributes: Json): Json {
    if (attributes.variant_id !== undefined) {
      const variantId = String(attributes.variant_id);
      if (!this.variants.has(variantId)) throw new Error(`no variant ${variantId}`);
      this.change(subscription, { variantId });
    }
    if (attributes.cancelled === false && subscription.cancelled)
      this.change(
        subscription,
        { cancelled: false, endsAt: null, status: subscription.trialEndsAt ? 'on_trial' : 'active' },
        'subscription_resumed',
      );
    if (attributes.cancelled === true && !subscription.cancelled)
      this.change(
        subscription,
        { cancelled: true, status: 'cancelled', endsAt: subscription.renewsAt },
        'subscription_cancelled',
      );
    if ('trial_ends_at' in attributes && subscription.status === 'on_trial') {
      const end = attributes.trial_ends_at as string | null;
      if (!end || Date.parse(end) <= Date.now()) {
        const variant = this.variants.get(subscription.variantId)!;
        const at = this.now();
        this.change(subscription, { status: 'active', trialEndsAt: at, renewsAt: this.after(at, variant.interval) });
        this.charge(subscription, 'initial', 'paid');
      } else this.change(subscription, { trialEndsAt: end, renewsAt: end });
    }
    if ('pause' in attributes) {
      const pause = attributes.pause as Subscription['pause'];
      if (pause) this.change(subscription, { status: 'paused', pause }, 'subscription_paused');
      else this.change(subscription, { status: 'active', pause: null }, 'subscription_unpaused');
    }
    return this.subscriptionResource(subscription);
  }
}
