import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local Stripe for the tests: a `node:http` server answering the API endpoints the Stripe gateway calls,
 * the way Stripe's API reference documents them (form-encoded bodies with bracket keys, JSON objects of
 * Stripe's shapes, `{ error: { type, code, message } }` refusals, Idempotency-Key replays), keeping the
 * account's objects in memory. It also acts as Stripe does outside those calls: when a buyer pays a
 * Checkout Session, a renewal is charged or declined, a card is fixed, a payment refunded, or the adapter
 * changes a subscription, it builds the events Stripe would send, signs them with the SDK's
 * `generateTestHeaderString` and POSTs them to the app's webhook URL. Nothing leaves the machine.
 */

type Json = Record<string, unknown>;

export interface MockPrice {
  id: string;
  currency: string;
  unitAmount: number;
  /** Null: a one-time price. */
  recurring: { interval: 'month' | 'year'; usageType: 'licensed' | 'metered'; meter: string | null } | null;
}

export interface MockMeter {
  id: string;
  eventName: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The decoded form body (POST) or query (GET, DELETE). */
  params: Json;
  idempotencyKey: string | null;
  stripeVersion: string | null;
}

export interface SentEvent {
  event: Json;
  body: string;
  headers: Record<string, string>;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  error: { type: string; code?: string; message: string };
}

const DAY = 24 * 60 * 60;

/** `a[b][0][c]=v` pairs → nested objects; objects keyed 0..n become arrays. */
function decodeForm(text: string): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const [head, ...rest] = key.split('[');
    const path = [head!, ...rest.map((part) => part.replace(/\]$/, ''))];
    let node = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Json;
    });
  }
  const arrays = (value: unknown): unknown => {
    if (!value || typeof value !== 'object') return value;
    const entries = Object.entries(value as Json).map(([key, inner]) => [key, arrays(inner)] as const);
    if (entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key)))
      return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, inner]) => inner);
    return Object.fromEntries(entries);
  };
  return arrays(root) as Json;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: Failure['error'] & { param?: string },
  ) {
    super(error.message);
  }
}

const missing = (what: string, id: string) =>
  new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${what}: '${id}'`,
    param: 'id',
  });

export class StripeMock {
  readonly requests: RecordedRequest[] = [];
  readonly customers = new Map<string, Json>();
  readonly sessions = new Map<string, Json>();
  readonly subscriptions = new Map<string, Json>();
  readonly invoices = new Map<string, Json>();
  readonly paymentIntents = new Map<string, Json>();
  readonly charges = new Map<string, Json>();
  readonly meterEvents: Json[] = [];
  readonly portalSessions: Json[] = [];
  readonly sent: SentEvent[] = [];
  /** While held, events are signed and recorded in `sent` but not delivered. */
  held = false;
  /** Where Stripe sends its events (null: recorded only). */
  webhookUrl: string | null = null;
  /** The app's answers to each delivery, in order. */
  readonly deliveries: { type: string; status: number }[] = [];

  private server: Server | undefined;
  private readonly lineItems = new Map<string, { price: string; quantity?: number }[]>();
  private readonly idempotent = new Map<string, { params: string; status: number; body: string }>();
  private readonly failures: Failure[] = [];
  private delivery: Promise<void> = Promise.resolve();
  private invoiceCount = 0;

  constructor(
    private readonly options: {
      secretKey: string;
      webhookSecret: string;
      prices: MockPrice[];
      meters: MockMeter[];
    },
  ) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await this.settled();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** The next request matching `method` and `path` is refused with this Stripe error. */
  failNext(method: string, path: RegExp, status: number, error: Failure['error']): void {
    this.failures.push({ method, path, status, error });
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && path.test(request.path));
  }

  // ---- the API -------------------------------------------------------------------------------------

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://stripe.test');
    const method = request.method ?? 'GET';
    const text = method === 'POST' ? Buffer.concat(chunks).toString('utf8') : url.search.slice(1);
    const params = decodeForm(text);
    const idempotencyKey = (request.headers['idempotency-key'] as string | undefined) ?? null;
    this.requests.push({
      method,
      path: url.pathname,
      params,
      idempotencyKey,
      stripeVersion: (request.headers['stripe-version'] as string | undefined) ?? null,
    });
    const answer = (status: number, body: string) =>
      response
        .writeHead(status, {
          'content-type': 'application/json',
          'request-id': `req_${randomBytes(7).toString('hex')}`,
        })
        .end(body);
    if (request.headers.authorization !== `Bearer ${this.options.secretKey}`)
      return answer(
        401,
        JSON.stringify({ error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****' } }),
      );
    const replay = method === 'POST' && idempotencyKey ? this.idempotent.get(idempotencyKey) : undefined;
    if (replay) {
      if (replay.params !== text)
        return answer(
          400,
          JSON.stringify({
            error: {
              type: 'idempotency_error',
              message:
                'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            },
          }),
        );
      return answer(replay.status, replay.body);
    }
    let status = 200;
    let body: string;
    try {
      const failure = this.failures.findIndex((f) => f.method === method && f.path.test(url.pathname));
      if (failure >= 0) {
        const [{ status: failStatus, error }] = this.failures.splice(failure, 1) as [Failure];
        throw new StripeApiError(failStatus, error);
      }
      body = JSON.stringify(this.route(method, url.pathname, params));
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      status = error.status;
      body = JSON.stringify({ error: error.error });
    }
    // Stripe saves the result of a keyed POST, refusals included (except its own 5xx), for replays.
    if (method === 'POST' && idempotencyKey && status < 500)
      this.idempotent.set(idempotencyKey, { params: text, status, body });
    answer(status, body);
  }

  private route(method: string, path: string, params: Json): unknown {
    const parts = path.split('/').filter(Boolean).slice(1);
    const [resource, id, action] = parts;
    // Namespaced resources (checkout/sessions, billing/meters…) are named by their first two segments.
    const namespaced = ['checkout', 'billing_portal', 'billing'].includes(resource!);
    const key = `${method} ${resource}${namespaced ? `/${id}` : ''}`;
    const objectId = namespaced ? action : id;
    const verb = namespaced ? parts[3] : action;
    switch (key) {
      case 'POST customers':
        return this.createCustomer(params);
      case 'POST checkout/sessions':
        if (objectId && verb === 'expire') return this.expireSession(objectId);
        return this.createSession(params);
      case 'GET checkout/sessions':
        if (objectId) return this.retrieveSession(objectId, (params.expand as string[] | undefined) ?? []);
        return this.list(
          [...this.sessions.values()].filter((session) => session.payment_intent === params.payment_intent),
          '/v1/checkout/sessions',
        );
      case 'POST billing_portal/sessions':
        return this.createPortalSession(params);
      case 'GET subscriptions':
        if (id) return this.subscription(id);
        return this.list(
          [...this.subscriptions.values()].filter((subscription) => subscription.customer === params.customer),
          '/v1/subscriptions',
        );
      case 'POST subscriptions':
        return this.updateSubscription(id!, params);
      case 'DELETE subscriptions':
        return this.cancelSubscription(id!);
      case 'POST subscription_items':
        return this.updateSubscriptionItem(id!, params);
      case 'GET invoices':
        return this.list(
          [...this.invoices.values()]
            .filter((invoice) => invoice.customer === params.customer)
            .sort((a, b) => (b.created as number) - (a.created as number))
            .slice(0, Number(params.limit ?? 10)),
          '/v1/invoices',
        );
      case 'GET billing/meters': {
        const meter = this.options.meters.find((candidate) => candidate.id === objectId);
        if (!meter) throw missing('billing meter', objectId ?? '');
        return {
          id: meter.id,
          object: 'billing.meter',
          display_name: meter.eventName,
          event_name: meter.eventName,
          status: 'active',
          customer_mapping: { type: 'by_id', event_payload_key: 'stripe_customer_id' },
          value_settings: { event_payload_key: 'value' },
          default_aggregation: { formula: 'sum' },
          livemode: false,
        };
      }
      case 'POST billing/meter_events':
        return this.createMeterEvent(params);
      default:
        throw new StripeApiError(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${path}).`,
        });
    }
  }

  private list(data: unknown[], url: string) {
    return { object: 'list', data: clone(data), has_more: false, url };
  }

  private now() {
    return Math.floor(Date.now() / 1000);
  }

  private id(prefix: string) {
    return `${prefix}_test_${randomBytes(10).toString('hex')}`;
  }

  private price(id: string): Json {
    const price = this.options.prices.find((candidate) => candidate.id === id);
    if (!price) throw missing('price', id);
    return {
      id: price.id,
      object: 'price',
      active: true,
      billing_scheme: 'per_unit',
      currency: price.currency,
      livemode: false,
      product: `prod_${price.id}`,
      type: price.recurring ? 'recurring' : 'one_time',
      unit_amount: price.unitAmount,
      recurring: price.recurring && {
        interval: price.recurring.interval,
        interval_count: 1,
        meter: price.recurring.meter,
        usage_type: price.recurring.usageType,
      },
    };
  }

  private createCustomer(params: Json) {
    const customer = {
      id: this.id('cus'),
      object: 'customer',
      created: this.now(),
      email: params.email ?? null,
      name: params.name ?? null,
      metadata: params.metadata ?? {},
      livemode: false,
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  private createSession(params: Json) {
    const mode = params.mode as 'subscription' | 'payment';
    const customer = params.customer as string;
    if (!this.customers.has(customer)) throw missing('customer', customer);
    const items = (params.line_items as Json[]).map((item) => ({
      price: item.price as string,
      ...(item.quantity !== undefined && { quantity: Number(item.quantity) }),
    }));
    for (const item of items) {
      const price = this.price(item.price);
      const metered = (price.recurring as Json | null)?.usage_type === 'metered';
      if (metered && item.quantity !== undefined)
        throw new StripeApiError(400, {
          type: 'invalid_request_error',
          message: 'Quantity should not be specified where usage_type is `metered`.',
          param: 'line_items[0][quantity]',
        });
      if ((mode === 'payment') !== !price.recurring)
        throw new StripeApiError(400, {
          type: 'invalid_request_error',
          message: `The price ${item.price} does not fit a ${mode} mode Checkout Session.`,
        });
    }
    const id = this.id('cs');
    this.lineItems.set(id, items);
    const amount = items.reduce(
      (sum, item) => sum + (this.price(item.price).unit_amount as number) * (item.quantity ?? 0),
      0,
    );
    const session = {
      id,
      object: 'checkout.session',
      mode,
      status: 'open',
      payment_status: 'unpaid',
      customer,
      client_reference_id: params.client_reference_id ?? null,
      metadata: params.metadata ?? {},
      subscription_data: params.subscription_data ?? null,
      payment_intent_data: params.payment_intent_data ?? null,
      invoice_creation: params.invoice_creation ?? null,
      success_url: params.success_url,
      cancel_url: params.cancel_url,
      url: `https://checkout.stripe.com/c/pay/${id}`,
      amount_subtotal: amount,
      amount_total: amount,
      currency: this.price(items[0]!.price).currency,
      created: this.now(),
      expires_at: this.now() + DAY,
      subscription: null,
      payment_intent: null,
      invoice: null,
      livemode: false,
    };
    this.sessions.set(id, session);
    // Not part of Stripe's session object: kept aside so the tests see what was asked.
    const { subscription_data: _s, payment_intent_data: _p, ...shown } = session;
    void _s;
    void _p;
    return shown;
  }

  /** The session as Stripe shows it (without the creation parameters kept for the tests). */
  private shownSession(id: string): Json {
    const session = this.sessions.get(id);
    if (!session) throw missing('checkout.session', id);
    const { subscription_data: _s, payment_intent_data: _p, invoice_creation: _i, ...shown } = clone(session);
    void _s;
    void _p;
    void _i;
    return shown;
  }

  private retrieveSession(id: string, expand: string[]) {
    const session = this.shownSession(id);
    if (expand.includes('line_items'))
      session.line_items = this.list(
        this.lineItems.get(id)!.map((item, index) => ({
          id: `li_${id}_${index}`,
          object: 'item',
          price: this.price(item.price),
          quantity: item.quantity ?? null,
          currency: session.currency,
        })),
        `/v1/checkout/sessions/${id}/line_items`,
      );
    const expandIntent = expand.find((path) => path.startsWith('payment_intent'));
    if (expandIntent && typeof session.payment_intent === 'string') {
      const intent = clone(this.paymentIntents.get(session.payment_intent)!);
      if (expandIntent === 'payment_intent.latest_charge' && intent.latest_charge)
        intent.latest_charge = clone(this.charges.get(intent.latest_charge as string)!);
      session.payment_intent = intent;
    }
    return session;
  }

  private expireSession(id: string) {
    const session = this.sessions.get(id);
    if (!session) throw missing('checkout.session', id);
    if (session.status !== 'open')
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        message:
          'Only Checkout Sessions with a status in ["open"] can be expired. ' +
          `This Checkout Session has a status of "${String(session.status)}".`,
      });
    // Stripe would send checkout.session.expired: Keel's endpoint does not subscribe to it.
    session.status = 'expired';
    return this.shownSession(id);
  }

  private createPortalSession(params: Json) {
    const customer = params.customer as string;
    if (!this.customers.has(customer)) throw missing('customer', customer);
    const session = {
      id: this.id('bps'),
      object: 'billing_portal.session',
      customer,
      return_url: params.return_url ?? null,
      url: `https://billing.stripe.com/p/session/${this.id('test')}`,
      created: this.now(),
      livemode: false,
    };
    this.portalSessions.push(session);
    return session;
  }

  subscription(id: string): Json {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw missing('subscription', id);
    return clone(subscription);
  }

  private items(subscription: Json) {
    return (subscription.items as { data: Json[] }).data;
  }

  private subscriptionItem(subscription: Json, price: string, quantity: number | undefined, period: [number, number]) {
    const metered = (this.price(price).recurring as Json).usage_type === 'metered';
    return {
      id: this.id('si'),
      object: 'subscription_item',
      created: this.now(),
      metadata: {},
      price: this.price(price),
      ...(!metered && { quantity: quantity ?? 1 }),
      subscription: subscription.id,
      current_period_start: period[0],
      current_period_end: period[1],
    };
  }

  private changed(subscription: Json, before: Json) {
    const previous: Json = {};
    for (const [key, value] of Object.entries(before))
      if (JSON.stringify(value) !== JSON.stringify(subscription[key])) previous[key] = value;
    const type = subscription.status === 'canceled' ? 'customer.subscription.deleted' : 'customer.subscription.updated';
    this.emit(type, clone(subscription), previous);
  }

  private updateSubscription(id: string, params: Json) {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw missing('subscription', id);
    if (subscription.status === 'canceled')
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        message: 'A canceled subscription can only update its cancellation_details and metadata.',
      });
    const before = clone(subscription);
    if (params.cancel_at_period_end !== undefined && params.cancel_at !== undefined)
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        message: 'You may only specify one of these parameters: cancel_at, cancel_at_period_end.',
      });
    const period = this.period(subscription);
    if (params.cancel_at_period_end !== undefined) {
      subscription.cancel_at_period_end = params.cancel_at_period_end === 'true';
      subscription.cancel_at = subscription.cancel_at_period_end ? period[1] : null;
      subscription.canceled_at = subscription.cancel_at_period_end ? this.now() : null;
    }
    if (params.cancel_at !== undefined) {
      subscription.cancel_at = params.cancel_at === '' ? null : Number(params.cancel_at);
      subscription.cancel_at_period_end = false;
      subscription.canceled_at = subscription.cancel_at ? this.now() : null;
    }
    if (params.items) {
      const items = this.items(subscription);
      for (const change of params.items as Json[]) {
        const existing = change.id ? items.find((item) => item.id === change.id) : undefined;
        if (change.id && !existing) throw missing('subscription_item', change.id as string);
        if (change.deleted === 'true') items.splice(items.indexOf(existing!), 1);
        else if (existing) {
          if (change.price) existing.price = this.price(change.price as string);
          if (change.quantity !== undefined) existing.quantity = Number(change.quantity);
        } else {
          items.push(
            this.subscriptionItem(
              subscription,
              change.price as string,
              change.quantity === undefined ? undefined : Number(change.quantity),
              period,
            ),
          );
        }
      }
    }
    this.changed(subscription, before);
    return clone(subscription);
  }

  private updateSubscriptionItem(id: string, params: Json) {
    const subscription = [...this.subscriptions.values()].find((candidate) =>
      this.items(candidate).some((item) => item.id === id),
    );
    if (!subscription) throw missing('subscription_item', id);
    const before = clone(subscription);
    const item = this.items(subscription).find((candidate) => candidate.id === id)!;
    if (params.quantity !== undefined) item.quantity = Number(params.quantity);
    this.changed(subscription, before);
    return clone(item);
  }

  private cancelSubscription(id: string) {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw missing('subscription', id);
    if (subscription.status === 'canceled')
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: `No such subscription: '${id}'`,
      });
    const before = clone(subscription);
    Object.assign(subscription, {
      status: 'canceled',
      canceled_at: this.now(),
      ended_at: this.now(),
      cancel_at_period_end: false,
      cancel_at: null,
    });
    this.changed(subscription, before);
    return clone(subscription);
  }

  private createMeterEvent(params: Json) {
    const meter = this.options.meters.find((candidate) => candidate.eventName === params.event_name);
    if (!meter)
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        message: `No active meter found for event_name ${String(params.event_name)}.`,
      });
    const identifier = (params.identifier as string | undefined) ?? this.id('mev');
    if (this.meterEvents.some((event) => event.identifier === identifier))
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        code: 'duplicate_meter_event',
        message: `An event already exists with identifier ${identifier}.`,
      });
    const event = {
      object: 'billing.meter_event',
      created: this.now(),
      event_name: params.event_name,
      identifier,
      payload: params.payload,
      timestamp: params.timestamp ? Number(params.timestamp) : this.now(),
      livemode: false,
    };
    this.meterEvents.push(event);
    return event;
  }

  /**
   * Puts objects into the account as they stand now (a fixture's state), as if Stripe had made them: the
   * webhook tests' events announce changes whose current state the adapter fetches from here.
   */
  seed(objects: {
    customer?: string;
    subscription?: Json;
    session?: Json;
    lineItems?: { price: string; quantity?: number }[];
    paymentIntent?: Json;
    charge?: Json;
  }): void {
    if (objects.customer && !this.customers.has(objects.customer))
      this.customers.set(objects.customer, { id: objects.customer, object: 'customer', metadata: {}, livemode: false });
    if (objects.subscription) this.subscriptions.set(objects.subscription.id as string, clone(objects.subscription));
    if (objects.session) {
      this.sessions.set(objects.session.id as string, clone(objects.session));
      this.lineItems.set(objects.session.id as string, objects.lineItems ?? []);
    }
    if (objects.paymentIntent)
      this.paymentIntents.set(objects.paymentIntent.id as string, clone(objects.paymentIntent));
    if (objects.charge) this.charges.set(objects.charge.id as string, clone(objects.charge));
  }

  // ---- acting as Stripe ----------------------------------------------------------------------------

  private period(subscription: Json): [number, number] {
    const [first] = this.items(subscription);
    return [first!.current_period_start as number, first!.current_period_end as number];
  }

  private interval(subscription: Json) {
    const recurring = this.items(subscription)[0]!.price as { recurring: { interval: 'month' | 'year' } };
    return recurring.recurring.interval === 'year' ? 365 * DAY : 30 * DAY;
  }

  private invoice(customer: string, total: number, subscription: string | null, paid: boolean, reason: string) {
    this.invoiceCount += 1;
    const id = this.id('in');
    const invoice = {
      id,
      object: 'invoice',
      customer,
      number: `KEEL-${String(this.invoiceCount).padStart(4, '0')}`,
      status: paid ? 'paid' : 'open',
      total,
      subtotal: total,
      amount_due: total,
      amount_paid: paid ? total : 0,
      amount_remaining: paid ? 0 : total,
      attempt_count: 1,
      attempted: true,
      billing_reason: reason,
      currency: 'usd',
      created: this.now() + this.invoiceCount,
      hosted_invoice_url: `https://invoice.stripe.com/i/${id}`,
      invoice_pdf: `https://pay.stripe.com/invoice/${id}/pdf`,
      parent: subscription
        ? {
            type: 'subscription_details',
            quote_details: null,
            subscription_details: { subscription, metadata: {} },
          }
        : null,
      livemode: false,
    };
    this.invoices.set(id, invoice);
    return invoice;
  }

  /** The buyer pays the Checkout Session; `async`: a bank debit that settles later (settleAsyncPayment). */
  payCheckout(sessionId: string, { async = false } = {}): { subscription?: string; paymentIntent?: string } {
    const session = this.sessions.get(sessionId);
    if (!session || session.status !== 'open') throw new Error(`stripe mock: checkout ${sessionId} is not open`);
    const customer = session.customer as string;
    const items = this.lineItems.get(sessionId)!;
    const now = this.now();
    if (session.mode === 'subscription') {
      const data = (session.subscription_data ?? {}) as { trial_period_days?: string; metadata?: Json };
      const trialDays = Number(data.trial_period_days ?? 0);
      const subscription: Json = {
        id: this.id('sub'),
        object: 'subscription',
        customer,
        status: trialDays > 0 ? 'trialing' : 'active',
        cancel_at_period_end: false,
        cancel_at: null,
        canceled_at: null,
        ended_at: null,
        collection_method: 'charge_automatically',
        created: now,
        start_date: now,
        billing_cycle_anchor: now,
        currency: session.currency,
        trial_start: trialDays > 0 ? now : null,
        trial_end: trialDays > 0 ? now + trialDays * DAY : null,
        metadata: data.metadata ?? {},
        latest_invoice: null,
        livemode: false,
      };
      subscription.items = { object: 'list', data: [], has_more: false, url: '/v1/subscription_items' };
      const interval = this.price(items[0]!.price).recurring as { interval: string };
      const end = trialDays > 0 ? now + trialDays * DAY : now + (interval.interval === 'year' ? 365 : 30) * DAY;
      for (const item of items)
        this.items(subscription).push(this.subscriptionItem(subscription, item.price, item.quantity, [now, end]));
      this.subscriptions.set(subscription.id as string, subscription);
      const total = trialDays > 0 ? 0 : (session.amount_total as number);
      const invoice = this.invoice(customer, total, subscription.id as string, true, 'subscription_create');
      subscription.latest_invoice = invoice.id;
      Object.assign(session, {
        status: 'complete',
        payment_status: total === 0 ? 'no_payment_required' : 'paid',
        subscription: subscription.id,
        invoice: invoice.id,
      });
      this.emit('customer.subscription.created', clone(subscription));
      this.emit('invoice.paid', clone(invoice));
      this.emit('checkout.session.completed', this.shownSession(sessionId));
      return { subscription: subscription.id as string };
    }
    const intent = {
      id: this.id('pi'),
      object: 'payment_intent',
      amount: session.amount_total,
      currency: session.currency,
      customer,
      status: async ? 'processing' : 'succeeded',
      latest_charge: null as string | null,
      metadata: ((session.payment_intent_data ?? {}) as { metadata?: Json }).metadata ?? {},
      livemode: false,
    };
    this.paymentIntents.set(intent.id, intent);
    if (!async) this.charge(intent);
    Object.assign(session, {
      status: 'complete',
      payment_status: async ? 'unpaid' : 'paid',
      payment_intent: intent.id,
    });
    if (!async && session.invoice_creation) {
      const invoice = this.invoice(customer, session.amount_total as number, null, true, 'manual');
      session.invoice = invoice.id;
    }
    this.emit('checkout.session.completed', this.shownSession(sessionId));
    return { paymentIntent: intent.id };
  }

  private charge(intent: Json) {
    const charge = {
      id: this.id('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: intent.amount,
      amount_refunded: 0,
      refunded: false,
      captured: true,
      paid: true,
      status: 'succeeded',
      currency: intent.currency,
      customer: intent.customer,
      payment_intent: intent.id,
      livemode: false,
    };
    this.charges.set(charge.id, charge);
    intent.latest_charge = charge.id;
    return charge;
  }

  /** A bank debit of a one-off payment clears, or the bank refuses it. */
  settleAsyncPayment(sessionId: string, succeeded: boolean): void {
    const session = this.sessions.get(sessionId)!;
    const intent = this.paymentIntents.get(session.payment_intent as string)!;
    if (succeeded) {
      this.charge(intent);
      intent.status = 'succeeded';
      session.payment_status = 'paid';
    } else intent.status = 'requires_payment_method';
    this.emit(
      succeeded ? 'checkout.session.async_payment_succeeded' : 'checkout.session.async_payment_failed',
      this.shownSession(sessionId),
    );
  }

  /** The merchant refunds a one-off payment in full from the Dashboard. */
  refund(sessionId: string): void {
    const session = this.sessions.get(sessionId)!;
    const intent = this.paymentIntents.get(session.payment_intent as string)!;
    const charge = this.charges.get(intent.latest_charge as string)!;
    Object.assign(charge, { refunded: true, amount_refunded: charge.amount });
    this.emit('charge.refunded', clone(charge), { amount_refunded: 0, refunded: false });
  }

  /** The period ends: Stripe charges the renewal (a trial's end too); declined leaves it past due. */
  renew(subscriptionId: string, outcome: 'paid' | 'declined'): void {
    const subscription = this.subscriptions.get(subscriptionId)!;
    const before = clone(subscription);
    const [, end] = this.period(subscription);
    const next = end + this.interval(subscription);
    if (subscription.cancel_at_period_end) {
      Object.assign(subscription, { status: 'canceled', ended_at: end, cancel_at_period_end: false });
      this.changed(subscription, before);
      return;
    }
    for (const item of this.items(subscription))
      Object.assign(item, { current_period_start: end, current_period_end: next });
    const total = this.items(subscription).reduce(
      (sum, item) => sum + ((item.price as Json).unit_amount as number) * ((item.quantity as number | undefined) ?? 0),
      0,
    );
    const invoice = this.invoice(
      subscription.customer as string,
      total,
      subscriptionId,
      outcome === 'paid',
      'subscription_cycle',
    );
    subscription.latest_invoice = invoice.id;
    subscription.status = outcome === 'paid' ? 'active' : 'past_due';
    this.emit(outcome === 'paid' ? 'invoice.paid' : 'invoice.payment_failed', clone(invoice));
    this.changed(subscription, before);
  }

  /** The customer fixes the card: Stripe's retry of the open invoice is paid. */
  recover(subscriptionId: string): void {
    const subscription = this.subscriptions.get(subscriptionId)!;
    const invoice = this.invoices.get(subscription.latest_invoice as string)!;
    if (invoice.status !== 'open') throw new Error(`stripe mock: ${subscriptionId} has no open invoice`);
    const before = clone(subscription);
    Object.assign(invoice, { status: 'paid', amount_paid: invoice.total, amount_remaining: 0, attempt_count: 2 });
    subscription.status = 'active';
    this.emit('invoice.paid', clone(invoice));
    this.changed(subscription, before);
  }

  /** Three days before a trial ends. */
  trialWillEnd(subscriptionId: string): void {
    this.emit('customer.subscription.trial_will_end', this.subscription(subscriptionId));
  }

  // ---- events --------------------------------------------------------------------------------------

  /** Signs an event body as Stripe does (`t=…,v1=…`). */
  sign(body: string, { secret = this.options.webhookSecret, timestamp }: { secret?: string; timestamp?: number } = {}) {
    return Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
  }

  emit(type: string, object: Json, previousAttributes?: Json): SentEvent {
    const event = {
      id: `evt_test_${randomBytes(12).toString('hex')}`,
      object: 'event',
      api_version: '2026-11-18.endive',
      created: this.now(),
      data: { object, ...(previousAttributes && { previous_attributes: previousAttributes }) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    // Stripe sends its JSON indented: the signature covers these exact bytes.
    const body = JSON.stringify(event, null, 2);
    const sent = { event, body, headers: { 'content-type': 'application/json', 'stripe-signature': this.sign(body) } };
    this.sent.push(sent);
    if (!this.held) this.delivery = this.delivery.then(() => this.deliver(sent).then(() => undefined));
    return sent;
  }

  /** POSTs one event to the app's webhook URL: the app's status (0 when there is no URL). */
  async deliver(sent: Pick<SentEvent, 'body' | 'headers'>): Promise<number> {
    if (!this.webhookUrl) return 0;
    const response = await fetch(this.webhookUrl, { method: 'POST', headers: sent.headers, body: sent.body });
    await response.text();
    this.deliveries.push({ type: (JSON.parse(sent.body) as { type: string }).type, status: response.status });
    return response.status;
  }

  /** Resolves once every event sent (and not held) has been answered. */
  async settled(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.delivery;
      await current;
    } while (current !== this.delivery);
  }
}
