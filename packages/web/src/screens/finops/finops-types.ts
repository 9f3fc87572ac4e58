// What the FinOps screens read from /api/v1/finops (the server's views, as far as shown here).

export interface MeterReading {
  meter: string;
  day: string;
  quantity: number;
  events: number;
}

export interface InvoiceLine {
  line_no: number;
  kind: string;
  meter: string | null;
  quantity: number;
  amount: number;
  description: string;
}

export interface Invoice {
  invoice_id: string;
  number: string;
  period: string;
  status: 'draft' | 'finalized';
  currency: string;
  subtotal: number;
  tax: number;
  total: number;
  summary: string;
  rated_at: string;
  lines: InvoiceLine[];
}

export interface Delivery {
  delivery_id: string;
  webhook_id: string;
  invoice_id: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  updated_at: string;
}

export interface Webhook {
  webhook_id: string;
  url: string;
}

export interface TenantEconomics {
  tenant_id: string;
  currency: string;
  cost: number;
  revenue: number;
  margin: number;
}


export const currentPeriod = (now = new Date()): string => now.toISOString().slice(0, 7);
