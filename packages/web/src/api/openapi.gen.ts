// Generated from packages/sdk/openapi.json by `npm run api-types -w @companyos/web`. Do not edit.
/* eslint-disable */

export interface paths {
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the API keys of the caller tenant (never their secrets)
         * @description Governed action `api_key.list` (tenant scope).
         */
        get: operations["api_key.list"];
        put?: never;
        /**
         * Create an API key for a subject; the secret is in this response only
         * @description Governed action `api_key.create` (tenant scope).
         */
        post: operations["api_key.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{keyId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API key
         * @description Governed action `api_key.revoke` (tenant scope).
         */
        post: operations["api_key.revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything waiting for the caller's approval across flows, with its rationale history, what it allows and who else must approve
         * @description Governed action `approval.inbox.list` (tenant scope).
         */
        get: operations["approval.inbox.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller tenant's audit trail, newest first (including denials and cross-tenant attempts), filtered and paged
         * @description Governed action `audit.list` (tenant scope).
         */
        get: operations["audit.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller tenant's 100 most recent audit exports
         * @description Governed action `audit.export.list` (tenant scope).
         */
        get: operations["audit.export.list"];
        put?: never;
        /**
         * Start an evidence pack export of the caller tenant's audit trail for a time window (needs a recent step-up)
         * @description Governed action `audit.export.create` (tenant scope, counts against the exports quota).
         */
        post: operations["audit.export.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The status and progress of an audit export; with `wait`, answers once it is done or failed (a long poll, one audit event)
         * @description Governed action `audit.export.get` (tenant scope).
         */
        get: operations["audit.export.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/exports/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a finished evidence pack (.tar.gz); verify it offline with `companyos verify`
         * @description Governed action `audit.export.download` (tenant scope).
         */
        get: operations["audit.export.download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/exports/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a finished evidence pack as `companyos verify` does, against the tenant's published keys; a pack that fails is a 200 with ok false
         * @description Governed action `audit.export.verify` (tenant scope).
         */
        post: operations["audit.export.verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/board-packs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The board packs generated so far, newest first, with their digests and time to pack
         * @description Governed action `board.pack.list` (platform scope).
         */
        get: operations["board.pack.list"];
        put?: never;
        /**
         * Generate the board pack PDF of a period from stored data; its SHA-256 and the digests of its inputs go into the receipt
         * @description Governed action `board.pack.create` (platform scope).
         */
        post: operations["board.pack.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether this process's copy of the tenant's flags and configuration matches the database
         * @description Governed action `config.drift.get` (tenant scope).
         */
        get: operations["config.drift.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Entities by type, owner and property values, a page at a time (keyset pagination); ones the caller may not see are counted, not listed
         * @description Governed action `graph.entity.list` (tenant scope).
         */
        get: operations["graph.entity.list"];
        put?: never;
        /**
         * Create an entity of a built-in or tenant-defined type; its properties are checked against the type’s JSON Schema
         * @description Governed action `graph.entity.create` (tenant scope).
         */
        post: operations["graph.entity.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entities:batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest up to 10000 entities at once (a JSON array, or NDJSON as application/x-ndjson): all or nothing, idempotent by each item’s key
         * @description Governed action `graph.entity.batch` (tenant scope).
         */
        post: operations["graph.entity.batch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One entity (the policy may let a subject read one it owns or is entitled to)
         * @description Governed action `graph.entity.get` (tenant scope).
         */
        get: operations["graph.entity.get"];
        put?: never;
        post?: never;
        /**
         * Delete an entity and its relationships; the receipt names the entity and each relationship that went
         * @description Governed action `graph.entity.delete` (tenant scope).
         */
        delete: operations["graph.entity.delete"];
        options?: never;
        head?: never;
        /**
         * Replace an entity’s properties (checked against its type’s schema) or change its owner
         * @description Governed action `graph.entity.update` (tenant scope).
         */
        patch: operations["graph.entity.update"];
        trace?: never;
    };
    "/api/v1/entities/{id}/lineage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an entity comes from (upstream) and what comes of it (downstream), along chosen relationship types, with cycle detection and a depth cap
         * @description Governed action `graph.lineage.get` (tenant scope).
         */
        get: operations["graph.lineage.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Entitle a subject to an entity (ENTITLED_TO); the authz policy reads entitlements, so a rule can let a subject read what it is entitled to
         * @description Governed action `graph.entitlement.grant` (tenant scope).
         */
        post: operations["graph.entitlement.grant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entitlements/{subjectId}/{entityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a subject’s entitlement to an entity
         * @description Governed action `graph.entitlement.revoke` (tenant scope).
         */
        delete: operations["graph.entitlement.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/high-risk-ops/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The evidence pack of a high-risk request (.tar.gz, the audit export format): its history with rationales, receipts proven against the newest checkpoint, decisions, bundles and revert records; verify it offline with `companyos verify`
         * @description Governed action `high_risk.evidence.get` (tenant scope).
         */
        get: operations["high_risk.evidence.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/revops/deals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The evidence pack of a deal (an opportunity) as .tar.gz in the audit export format: lead, opportunity, quote versions, approvals with rationales, decisions with bundle hashes, receipts with proofs and the contract; verify it offline with `companyos verify`
         * @description Governed action `revops.evidence.get` (tenant scope).
         */
        get: operations["revops.evidence.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/cost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller tenant's attributed infrastructure cost, revenue and margin for a month (default: this month; ?format=csv)
         * @description Governed action `finops.cost.get` (tenant scope).
         */
        get: operations["finops.cost.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/cost/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import an infrastructure cost file (CSV: service, period, amount[, currency]) and attribute it to tenants by the usage driving each service
         * @description Governed action `finops.cost.import` (platform scope).
         */
        post: operations["finops.cost.import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/cost/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Operators: cost, revenue and margin of every tenant for a month, and their totals per currency
         * @description Governed action `finops.cost.tenants` (platform scope).
         */
        get: operations["finops.cost.tenants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/estimate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Price a hypothetical month of usage on any plan (nothing is stored)
         * @description Governed action `finops.estimate` (tenant scope).
         */
        post: operations["finops.estimate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller tenant's invoices, newest month first (?format=csv: one row per invoice line)
         * @description Governed action `finops.invoice.list` (tenant scope).
         */
        get: operations["finops.invoice.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One invoice with its lines (?format=json: the hashed invoice document, as a download; ?format=csv: one row per line)
         * @description Governed action `finops.invoice.get` (tenant scope).
         */
        get: operations["finops.invoice.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/invoices/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed evidence pack of a finalised invoice: its receipt, its document and the meter readings and usage events behind its lines (verify offline with `companyos verify`)
         * @description Governed action `finops.invoice.evidence` (tenant scope).
         */
        get: operations["finops.invoice.evidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/invoices/{id}/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finalise a draft invoice: it is rated one last time and its hash is recorded in a receipt; it never changes again
         * @description Governed action `finops.invoice.finalize` (tenant scope).
         */
        post: operations["finops.invoice.finalize"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/invoices/rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Aggregate the caller tenant's usage and rate a month now: the draft invoice with its lines (a finalised one is returned as it is)
         * @description Governed action `finops.invoice.rate` (tenant scope).
         */
        post: operations["finops.invoice.rate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/meter-readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller tenant's daily meter readings (policy decisions, workflow runs, evidence bytes, requests, exports, seats per day)
         * @description Governed action `finops.meter_readings.list` (tenant scope).
         */
        get: operations["finops.meter_readings.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The plans on offer (newest version of each) and the caller tenant's plan assignments
         * @description Governed action `finops.plan.list` (tenant scope).
         */
        get: operations["finops.plan.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/tenants/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Put a tenant on a plan version from a day on (a change mid-month prorates by days; see docs/finops.md)
         * @description Governed action `finops.plan.assign` (platform scope).
         */
        put: operations["finops.plan.assign"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller tenant's usage events, newest first (?format=csv for a CSV file)
         * @description Governed action `finops.usage.list` (tenant scope).
         */
        get: operations["finops.usage.list"];
        put?: never;
        /**
         * Report external usage as CloudEvents (application/cloudevents+json, or a batch as application/cloudevents-batch+json); the event id is the idempotency key, so a resent event is counted once
         * @description Governed action `finops.usage.report` (tenant scope).
         */
        post: operations["finops.usage.report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finops/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller tenant's invoice webhooks and their latest deliveries (dead-lettered ones have status dead)
         * @description Governed action `finops.webhook.list` (tenant scope).
         */
        get: operations["finops.webhook.list"];
        put?: never;
        /**
         * Register a URL that receives each finalised invoice, signed with HMAC-SHA256 (the secret is shown in this response only). A URL whose host resolves to a non-public address is refused (422)
         * @description Governed action `finops.webhook.create` (tenant scope).
         */
        post: operations["finops.webhook.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the feature flags and the caller tenant's setting of each
         * @description Governed action `flag.list` (tenant scope).
         */
        get: operations["flag.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flags/{flagId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one flag, the tenant's setting and its change history (newest first)
         * @description Governed action `flag.get` (tenant scope).
         */
        get: operations["flag.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flags/{flagId}/revert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo the last change of the tenant's setting of a flag
         * @description Governed action `flag.revert` (tenant scope).
         */
        post: operations["flag.revert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flags/{flagId}/setting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change the tenant's setting of a flag; applies to the next evaluation, no redeploy
         * @description Governed action `flag.set` (tenant scope).
         */
        put: operations["flag.set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flags/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate flags for the caller: value, variant and reason of each
         * @description Governed action `flag.evaluate` (tenant scope).
         */
        post: operations["flag.evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/entity/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An entity and its neighbours to depth 1-3, by relationship type and direction, up to a node limit; neighbours the caller may not see are counted, not named
         * @description Governed action `graph.neighbours.get` (tenant scope).
         */
        get: operations["graph.neighbours.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The entity and relationship types: the built-in ones and the tenant’s own, with their JSON Schemas
         * @description Governed action `graph.type.list` (tenant scope).
         */
        get: operations["graph.type.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/types/{kind}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Define (or redefine) a tenant type with the JSON Schema its properties must satisfy (no regular expressions, no outside references)
         * @description Governed action `graph.type.put` (tenant scope).
         */
        put: operations["graph.type.put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/high-risk-ops/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The High-Risk Ops dashboard from stored records: requests, approvals, executions and reverts, average approval time, missing receipts, and the last 7 days of decision latency and receipts
         * @description Governed action `high_risk.dashboard.get` (tenant scope).
         */
        get: operations["high_risk.dashboard.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/high-risk-ops/missing-receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Executed high-risk requests (active, reverted or failed) missing a receipt for a step of their history; empty in normal operation
         * @description Governed action `high_risk.receipts.missing` (tenant scope).
         */
        get: operations["high_risk.receipts.missing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/high-risk-ops/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller tenant's high-risk requests, newest first, filtered by status, requester and time, paged with `before` (the next_before of the page before)
         * @description Governed action `high_risk.request.list` (tenant scope).
         */
        get: operations["high_risk.request.list"];
        put?: never;
        /**
         * Request a high-risk operation (temporary read access to named tables); the tenant policy decides before anything is stored
         * @description Governed action `high_risk.request.create` (tenant scope).
         */
        post: operations["high_risk.request.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/high-risk-ops/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A high-risk request with its history (approvals and denials with their rationales)
         * @description Governed action `high_risk.request.get` (tenant scope).
         */
        get: operations["high_risk.request.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/high-risk-ops/requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a high-risk request with a rationale; it is approved once the policy says the approvals suffice
         * @description Governed action `high_risk.request.approve` (tenant scope).
         */
        post: operations["high_risk.request.approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/high-risk-ops/requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a request before it is executed (the requester)
         * @description Governed action `high_risk.request.cancel` (tenant scope).
         */
        post: operations["high_risk.request.cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/high-risk-ops/requests/{id}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deny a pending high-risk request with a rationale
         * @description Governed action `high_risk.request.deny` (tenant scope).
         */
        post: operations["high_risk.request.deny"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/high-risk-ops/requests/{id}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Carry out an approved request: creates the temporary role and returns its credentials, this once
         * @description Governed action `high_risk.request.execute` (tenant scope).
         */
        post: operations["high_risk.request.execute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/high-risk-ops/requests/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End active access early (requester, approvers or security): the revert job drops the role at once
         * @description Governed action `high_risk.request.revoke` (tenant scope).
         */
        post: operations["high_risk.request.revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's incidents, newest first, of one status if asked, paged with `before` (the last id seen)
         * @description Governed action `incident.list` (tenant scope).
         */
        get: operations["incident.list"];
        put?: never;
        /**
         * Open an incident by hand, optionally following a runbook of the tenant
         * @description Governed action `incident.open` (tenant scope).
         */
        post: operations["incident.open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An incident with its timeline, runbook and the graph entities it affects
         * @description Governed action `incident.get` (tenant scope).
         */
        get: operations["incident.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link an incident to a graph entity it affects (an AFFECTS edge in the graph)
         * @description Governed action `incident.entity.link` (tenant scope).
         */
        post: operations["incident.entity.link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/mitigate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark an open incident mitigated (the impact is contained), with an optional rationale
         * @description Governed action `incident.mitigate` (tenant scope).
         */
        post: operations["incident.mitigate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a note to an incident's timeline
         * @description Governed action `incident.note` (tenant scope).
         */
        post: operations["incident.note"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve an incident; the rationale (what fixed it) is required and recorded in the receipt and timeline
         * @description Governed action `incident.resolve` (tenant scope).
         */
        post: operations["incident.resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/runbook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link an incident to a runbook of the tenant (replacing any earlier link)
         * @description Governed action `incident.runbook.link` (tenant scope).
         */
        post: operations["incident.runbook.link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/from-alert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open an incident from an alert: an Alertmanager webhook payload or {"alert": name}. A repeat of an alert joins the unresolved incident it opened; a cleared alert is noted on it
         * @description Governed action `incident.open_from_alert` (tenant scope).
         */
        post: operations["incident.open_from_alert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/kek": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who holds the tenant's key-encryption key (the platform or the tenant), its versions, and how many data keys each wraps (tenant admins)
         * @description Governed action `keys.kek.status` (tenant scope).
         */
        get: operations["keys.kek.status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/kek/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the tenant's own key-encryption key, wrapped to a wrapping key; the tenant's data keys are re-wrapped under it (tenant admins, step-up)
         * @description Governed action `keys.kek.import` (tenant scope).
         */
        post: operations["keys.kek.import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/kek/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke the tenant's key-encryption key for good: its data keys can no longer be unwrapped; signed receipts, checkpoints and packs stay verifiable (tenant admins, step-up)
         * @description Governed action `keys.kek.revoke` (tenant scope).
         */
        post: operations["keys.kek.revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/kek/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the tenant's key-encryption key with a newly imported one: data keys are re-wrapped, the old version is retired and erased (tenant admins, step-up)
         * @description Governed action `keys.kek.rotate` (tenant scope).
         */
        post: operations["keys.kek.rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/wrapping-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A single-use RSA-OAEP-256 public key (valid 24 h) to wrap a tenant key-encryption key to before importing it (tenant admins)
         * @description Governed action `keys.wrapping_key.create` (tenant scope).
         */
        post: operations["keys.wrapping_key.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/observability/slos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each service level objective with its attainment, remaining error budget and state (platform operators)
         * @description Governed action `observability.slo.get` (platform scope).
         */
        get: operations["observability.slo.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onboarding/cohorts/{cohort}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cohort dashboard: onboarded, verified and failed tenants, time to first verify per tenant and cohort, and the alert when more than 10% failed
         * @description Governed action `onboarding.cohort.get` (platform scope).
         */
        get: operations["onboarding.cohort.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onboarding/tenants/{id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the next unfinished onboarding step of a partner tenant (tenant, admin, template, webhook, evidence) and record it as an onboarding event
         * @description Governed action `onboarding.step.run` (platform scope).
         */
        post: operations["onboarding.step.run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/bundles/{tenantId}.tar.gz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's active bundle in OPA's bundle format (ETag = the bundle hash; If-None-Match gives 304)
         * @description Governed action `policy.bundle.download` (tenant scope).
         */
        get: operations["policy.bundle.download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/can": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask whether actions would be allowed for the caller (a batched preflight, decided as the real requests would be, nothing run)
         * @description Governed action `policy.can` (tenant scope).
         */
        post: operations["policy.can"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/decision-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Store decisions a decision service of the tenant made: OPA's decision log upload (a JSON array of events, gzip-encoded as OPA sends it). The tenant's mask rules apply; a decision already stored is skipped
         * @description Governed action `policy.decision.upload` (tenant scope).
         */
        post: operations["policy.decision.upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's decision log (OPA's shape, masked; written in batches within a second), newest first, filtered by time, action, subject and outcome
         * @description Governed action `policy.decision.list` (tenant scope).
         */
        get: operations["policy.decision.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What changes between two versions: modules, data, and which recorded or fixture decisions would flip
         * @description Governed action `policy.bundle.diff` (tenant scope).
         */
        post: operations["policy.bundle.diff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bundle hash this process runs for the tenant against the active one
         * @description Governed action `policy.drift.get` (tenant scope).
         */
        get: operations["policy.drift.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Roll back to an earlier version that was active before; the same hash comes back
         * @description Governed action `policy.bundle.rollback` (tenant scope).
         */
        post: operations["policy.bundle.rollback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate inputs against a bundle version or a draft, with no effects (nothing is logged or changed)
         * @description Governed action `policy.simulate` (tenant scope).
         */
        post: operations["policy.simulate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's policy bundle versions, newest first, with the active one and the hash this process runs
         * @description Governed action `policy.bundle.list` (tenant scope).
         */
        get: operations["policy.bundle.list"];
        put?: never;
        /**
         * Propose a new policy bundle version; refused unless its data matches the schema, it compiles and every test passes
         * @description Governed action `policy.bundle.propose` (tenant scope).
         */
        post: operations["policy.bundle.propose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One policy bundle version with its files
         * @description Governed action `policy.bundle.get` (tenant scope).
         */
        get: operations["policy.bundle.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/versions/{version}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a policy bundle version: the next request of the tenant is decided by it, in every server process
         * @description Governed action `policy.bundle.activate` (tenant scope).
         */
        post: operations["policy.bundle.activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's finished evidence packs a portal viewer may see, with a download link where the policy allows it
         * @description Governed action `portal.audit.list` (tenant scope).
         */
        get: operations["portal.audit.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/audit/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a finished evidence pack as a portal viewer, when the presentation policy shows the viewer its download
         * @description Governed action `portal.audit.download` (tenant scope).
         */
        get: operations["portal.audit.download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's daily meter readings of a month and its invoices, as its presentation policy shows them to a portal viewer
         * @description Governed action `portal.billing.get` (tenant scope).
         */
        get: operations["portal.billing.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/finance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's revenue (its invoices) and SLA compliance (its stored service samples) for a period, as the board pack computes them
         * @description Governed action `portal.finance.get` (tenant scope).
         */
        get: operations["portal.finance.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's portal invitations, newest first, with their status
         * @description Governed action `portal.invitation.list` (tenant scope).
         */
        get: operations["portal.invitation.list"];
        put?: never;
        /**
         * Invite an external viewer (auditor or partner) to the tenant's trust portal; the answer carries the single-use token once
         * @description Governed action `portal.invitation.create` (tenant scope).
         */
        post: operations["portal.invitation.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/invitations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a portal invitation: its token, and the viewer's access to the tenant, end at once
         * @description Governed action `portal.invitation.revoke` (tenant scope).
         */
        post: operations["portal.invitation.revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a portal invitation (authenticated by its token): the answer is the sign-in for the tenant, or the given sign-in now also views it
         * @description Governed action `portal.invitation.accept` (tenant scope).
         */
        post: operations["portal.invitation.accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's trust posture for a portal viewer: latest ledger checkpoint and whether its signature verifies, active bundle, evidence coverage
         * @description Governed action `portal.overview.get` (tenant scope).
         */
        get: operations["portal.overview.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the portal viewer is, the tenant viewed (X-Tenant-Id chooses) and every tenant the sign-in may view
         * @description Governed action `portal.session.get` (tenant scope).
         */
        get: operations["portal.session.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/supply-chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The platform's release artefacts with their signed SLSA provenance statements, each checked against the platform key and the file as served
         * @description Governed action `portal.supply_chain.get` (tenant scope).
         */
        get: operations["portal.supply_chain.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/provenance/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest signed checkpoint of the caller tenant's log
         * @description Governed action `provenance.checkpoint.get` (tenant scope).
         */
        get: operations["provenance.checkpoint.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/provenance/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * RFC 9162 consistency proof between two tree sizes (from defaults to 0, to to the newest checkpoint)
         * @description Governed action `provenance.consistency.get` (tenant scope).
         */
        get: operations["provenance.consistency.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/provenance/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Store an evidence blob (at most 262144 bytes) by its SHA-256; the same content is stored once
         * @description Governed action `provenance.evidence.create` (tenant scope).
         */
        post: operations["provenance.evidence.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/provenance/receipts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A receipt with its inclusion proof, the signed checkpoint it is proven against and the tenant JWKS
         * @description Governed action `provenance.receipt.get` (tenant scope).
         */
        get: operations["provenance.receipt.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/provenance/receipts/{id}/disclose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A receipt as an SD-JWT revealing only the claims the tenant's presentation policy lets the caller see
         * @description Governed action `provenance.receipt.disclose` (tenant scope).
         */
        get: operations["provenance.receipt.disclose"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purge-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller tenant's purge requests, newest first
         * @description Governed action `purge.request.list` (tenant scope).
         */
        get: operations["purge.request.list"];
        put?: never;
        /**
         * Ask to purge a subject's personal data, an entity or the whole tenant; it runs once two different people with the roles the policy names approve
         * @description Governed action `purge.request.create` (tenant scope).
         */
        post: operations["purge.request.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purge-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A purge request with its approvals, rationales and, once it ran, its manifest
         * @description Governed action `purge.request.get` (tenant scope).
         */
        get: operations["purge.request.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purge-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a purge with a rationale; once the policy says the approvals suffice, the purge job is queued
         * @description Governed action `purge.request.approve` (tenant scope).
         */
        post: operations["purge.request.approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purge-requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a pending purge (the requester)
         * @description Governed action `purge.request.cancel` (tenant scope).
         */
        post: operations["purge.request.cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purge-requests/{id}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deny a pending purge with a rationale
         * @description Governed action `purge.request.deny` (tenant scope).
         */
        post: operations["purge.request.deny"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Relate two entities of the caller tenant (entitlements are granted through /entitlements)
         * @description Governed action `graph.relationship.create` (tenant scope).
         */
        post: operations["graph.relationship.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a relationship made through the API; the receipt names it
         * @description Governed action `graph.relationship.delete` (tenant scope).
         */
        delete: operations["graph.relationship.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The RevOps governance dashboard from live records: deals per period, share of submissions needing approvals, approval time (average, p95), approvals per approver, routed leads per team
         * @description Governed action `revops.dashboard.get` (tenant scope).
         */
        get: operations["revops.dashboard.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's leads, newest first, filtered by team, owner, segment and status, paged with `before` (the next_before of the page before)
         * @description Governed action `revops.lead.list` (tenant scope).
         */
        get: operations["revops.lead.list"];
        put?: never;
        /**
         * An inbound lead, routed by the tenant's routing rules to a team and account executive; an enterprise lead is promoted to an opportunity at once
         * @description Governed action `revops.lead.create` (tenant scope).
         */
        post: operations["revops.lead.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/opportunities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's opportunities, newest first, filtered by team, owner and stage, paged with `before` (the next_before of the page before)
         * @description Governed action `revops.opportunity.list` (tenant scope).
         */
        get: operations["revops.opportunity.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/opportunities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An opportunity with its lead, quotes, contracts and history (routing, promotion and every quote step with its rationale)
         * @description Governed action `revops.opportunity.get` (tenant scope).
         */
        get: operations["revops.opportunity.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/policy-impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Which open quotes a policy version would re-route: the approvals each needs (and self-approval) under `from` (default: active) and under `to`
         * @description Governed action `revops.policy.impact` (tenant scope).
         */
        post: operations["revops.policy.impact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's quotes, newest first, filtered by status, owner and opportunity, paged with `before` (the next_before of the page before)
         * @description Governed action `revops.quote.list` (tenant scope).
         */
        get: operations["revops.quote.list"];
        put?: never;
        /**
         * A draft quote for an open opportunity: lines at list price, a discount in basis points and terms, totals computed in integer minor units
         * @description Governed action `revops.quote.create` (tenant scope).
         */
        post: operations["revops.quote.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/quotes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A quote with its lines, history (approvals and rejections with rationales), the approvals it still needs and who may give them, and its contract
         * @description Governed action `revops.quote.get` (tenant scope).
         */
        get: operations["revops.quote.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a draft, submitted or rejected quote: a new version in draft; the approvals it had are dropped
         * @description Governed action `revops.quote.update` (tenant scope).
         */
        patch: operations["revops.quote.update"];
        trace?: never;
    };
    "/api/v1/revops/quotes/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate an approved quote (its owner): records the contract with its effective date, term and the approved amount
         * @description Governed action `revops.quote.activate` (tenant scope).
         */
        post: operations["revops.quote.activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/quotes/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a submitted quote with a rationale; it is approved once the discount policy says the approvals suffice (the owner never approves)
         * @description Governed action `revops.quote.approve` (tenant scope).
         */
        post: operations["revops.quote.approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/quotes/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a quote that is not active (its owner)
         * @description Governed action `revops.quote.cancel` (tenant scope).
         */
        post: operations["revops.quote.cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/quotes/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a submitted quote with a rationale (an approver it awaits); the owner may edit and resubmit it
         * @description Governed action `revops.quote.reject` (tenant scope).
         */
        post: operations["revops.quote.reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/quotes/{id}/submit-for-approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a draft quote with a rationale: the discount policy decides whose approvals it needs; a discount within the threshold is approved by its account executive at once
         * @description Governed action `revops.quote.submit` (tenant scope).
         */
        post: operations["revops.quote.submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/routing-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's lead routing rules, in the order they are tried
         * @description Governed action `revops.routing.list` (tenant scope).
         */
        get: operations["revops.routing.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revops/routing-rules/{ruleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add or replace a lead routing rule (segment and region, null for any → team and its members, round robin or weighted)
         * @description Governed action `revops.routing.set` (tenant scope).
         */
        put: operations["revops.routing.set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runbooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's runbooks by slug, paged with `after` (the last slug seen)
         * @description Governed action `runbook.list` (tenant scope).
         */
        get: operations["runbook.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runbooks/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A runbook at its current version, with its Markdown body and console link
         * @description Governed action `runbook.get` (tenant scope).
         */
        get: operations["runbook.get"];
        /**
         * Save a runbook: the first save creates it, each later one adds a version (give base_version to refuse overwriting a newer one)
         * @description Governed action `runbook.save` (tenant scope).
         */
        put: operations["runbook.save"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runbooks/{slug}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every saved version of a runbook, newest first
         * @description Governed action `runbook.versions` (tenant scope).
         */
        get: operations["runbook.versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runbooks/{slug}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One saved version of a runbook
         * @description Governed action `runbook.version.get` (tenant scope).
         */
        get: operations["runbook.version.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the subjects of the caller tenant
         * @description Governed action `subject.list` (tenant scope).
         */
        get: operations["subject.list"];
        put?: never;
        /**
         * Register a subject (user or service) in the caller tenant
         * @description Governed action `subject.create` (tenant scope).
         */
        post: operations["subject.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects/{subjectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a subject of the caller tenant
         * @description Governed action `subject.get` (tenant scope).
         */
        get: operations["subject.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a subject's name, roles, attributes or status
         * @description Governed action `subject.update` (tenant scope).
         */
        patch: operations["subject.update"];
        trace?: never;
    };
    "/api/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tenants in id order, a page at a time, with their active policy bundle and enabled flags (platform operators)
         * @description Governed action `tenant.list` (platform scope).
         */
        get: operations["tenant.list"];
        put?: never;
        /**
         * Create a tenant from the safe-defaults template (platform operators)
         * @description Governed action `tenant.create` (platform scope).
         */
        post: operations["tenant.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one tenant (platform operators)
         * @description Governed action `tenant.get` (platform scope).
         */
        get: operations["tenant.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{id}/branding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the tenant's product name, colours (contrast-checked) and logo URL; the console re-themes at once
         * @description Governed action `branding.update` (tenant scope).
         */
        put: operations["branding.update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{id}/branding/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upload the tenant logo (PNG, JPEG or WebP, at most 256 KiB, base64 in JSON); replaces a logo URL
         * @description Governed action `branding.logo.upload` (tenant scope).
         */
        put: operations["branding.logo.upload"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{id}/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the caller's tenant settings
         * @description Governed action `tenant.config.get` (tenant scope).
         */
        get: operations["tenant.config.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the caller's tenant settings (tenant admins); fields absent from the body keep their value
         * @description Governed action `tenant.config.update` (tenant scope).
         */
        patch: operations["tenant.config.update"];
        trace?: never;
    };
    "/api/v1/tenants/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a tenant with a reason: its users can no longer sign in or run actions (platform operators, step-up; never the operator's own platform tenant)
         * @description Governed action `tenant.disable` (platform scope).
         */
        post: operations["tenant.disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a disabled tenant with a reason (platform operators)
         * @description Governed action `tenant.enable` (platform scope).
         */
        post: operations["tenant.enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{id}/keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the caller tenant's signing key: new artifacts use a new key, the old one is retired and stays in the JWKS (tenant admins, step-up)
         * @description Governed action `tenant.keys.rotate` (tenant scope).
         */
        post: operations["tenant.keys.rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{id}/kit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the tenant's configuration, flags, branding and bundle data as one signed document (the white-label kit)
         * @description Governed action `tenant.kit.export` (tenant scope).
         */
        get: operations["tenant.kit.export"];
        put?: never;
        /**
         * Import a signed configuration document into the tenant: verified and validated first, applied as one action; names everything refused
         * @description Governed action `tenant.kit.import` (tenant scope).
         */
        post: operations["tenant.kit.import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{id}/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One tenant as its operator page shows it: status, region, plan, active bundle and its activations, flags, keys, quotas and usage, recent audit events (platform operators)
         * @description Governed action `tenant.overview` (platform scope).
         */
        get: operations["tenant.overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{id}/purge-requests/{purgeId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a tenant's whole-tenant purge as a platform operator, with a rationale, where the platform's policy asks for it (platform operators, step-up)
         * @description Governed action `purge.request.operator_approve` (platform scope).
         */
        post: operations["purge.request.operator_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "api_key.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            /** Format: date-time */
                            created_at: string;
                            key_id: string;
                            name: string;
                            revoked_at: string | null;
                            roles: string[];
                            subject_id: string;
                            tenant_id: string;
                        }[];
                    };
                };
            };
        };
    };
    "api_key.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    roles: string[];
                    subject_id: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: {
                            /** Format: date-time */
                            created_at: string;
                            key_id: string;
                            name: string;
                            revoked_at: string | null;
                            roles: string[];
                            subject_id: string;
                            tenant_id: string;
                        };
                        secret: string;
                    };
                };
            };
        };
    };
    "api_key.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        created_at: string;
                        key_id: string;
                        name: string;
                        revoked_at: string | null;
                        roles: string[];
                        subject_id: string;
                        tenant_id: string;
                    };
                };
            };
        };
    };
    "approval.inbox.list": {
        parameters: {
            query: {
                /** @description whose inbox: only the caller’s own */
                assignee: "me";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approvals: {
                            /** @description what approving will allow */
                            allows: string;
                            decide: {
                                approve: string;
                                deny: string;
                            };
                            flow: string;
                            id: string;
                            /** @description the item's page in the console */
                            link: string;
                            rationaleHistory: {
                                /** Format: date-time */
                                at: string;
                                by: string;
                                decision: string;
                                rationale: string | null;
                            }[];
                            /** Format: date-time */
                            requestedAt: string;
                            requestedBy: string;
                            /** @description who must still approve after the caller: role:<name> or subject:<id> */
                            requiredApprovers: string[];
                            title: string;
                        }[];
                    };
                };
            };
        };
    };
    "audit.list": {
        parameters: {
            query?: {
                /** @description only events about this action name */
                action?: string;
                /** @description only events of this actor (subject id) */
                actor?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description only events at or after this time */
                from?: string;
                /** @description read: events of GET requests; write: every other event */
                kind?: "read" | "write";
                /** @description 1 to 1000, default 100 */
                limit?: string;
                /** @description only events about this target (a person as `subject:<id>`) */
                target?: string;
                /** @description only events before this time */
                to?: string;
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            action: string | null;
                            actor: string | null;
                            decision: string | null;
                            details: {
                                [key: string]: unknown;
                            };
                            event_id: string;
                            /** Format: date-time */
                            occurred_at: string;
                            reasons: string[];
                            request_id: string | null;
                            target: string | null;
                            tenant_id: string;
                            type: string;
                        }[];
                        /** @description pass as cursor for the next (older) page; null on the last page */
                        next_cursor: string | null;
                    };
                };
            };
        };
    };
    "audit.export.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        exports: {
                            counts: {
                                [key: string]: number;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                            download: string | null;
                            error: string | null;
                            export_id: string;
                            filters: {
                                actions?: string[];
                                actors?: string[];
                                outcome?: string;
                            };
                            finished_at: string | null;
                            pack_sha256: string | null;
                            pack_size: number | null;
                            progress: {
                                percent: number;
                                phase?: string;
                                records?: number;
                                total?: number;
                            };
                            requested_by: string;
                            status: "queued" | "running" | "done" | "failed";
                            window: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                        }[];
                    };
                };
            };
        };
    };
    "audit.export.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description only records of these action names */
                    actions?: string[];
                    /** @description only records of these subjects */
                    actors?: string[];
                    /**
                     * Format: date-time
                     * @description window start (inclusive)
                     */
                    from: string;
                    outcome?: "allowed" | "denied";
                    /**
                     * Format: date-time
                     * @description window end (exclusive), not in the future
                     */
                    to: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        counts: {
                            [key: string]: number;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        download: string | null;
                        error: string | null;
                        export_id: string;
                        filters: {
                            actions?: string[];
                            actors?: string[];
                            outcome?: string;
                        };
                        finished_at: string | null;
                        pack_sha256: string | null;
                        pack_size: number | null;
                        progress: {
                            percent: number;
                            phase?: string;
                            records?: number;
                            total?: number;
                        };
                        requested_by: string;
                        status: "queued" | "running" | "done" | "failed";
                        window: {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                        };
                    };
                };
            };
        };
    };
    "audit.export.get": {
        parameters: {
            query?: {
                /** @description seconds (1 to 60) to wait for the export to finish before answering */
                wait?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        counts: {
                            [key: string]: number;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        download: string | null;
                        error: string | null;
                        export_id: string;
                        filters: {
                            actions?: string[];
                            actors?: string[];
                            outcome?: string;
                        };
                        finished_at: string | null;
                        pack_sha256: string | null;
                        pack_size: number | null;
                        progress: {
                            percent: number;
                            phase?: string;
                            records?: number;
                            total?: number;
                        };
                        requested_by: string;
                        status: "queued" | "running" | "done" | "failed";
                        window: {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                        };
                    };
                };
            };
        };
    };
    "audit.export.download": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "audit.export.verify": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            check: "archive" | "signature" | "digests" | "records" | "receipts" | "counts";
                            description: string;
                            /** @description not_run: the archive could not be read as a whole, so this check is not confirmed */
                            outcome: "passed" | "failed" | "not_run";
                        }[];
                        counts: {
                            [key: string]: number;
                        } | null;
                        export_id: string;
                        /** @description what failed, as `companyos verify` lists it */
                        failures: {
                            code: string;
                            file?: string;
                            line?: number;
                            message: string;
                        }[];
                        /** @description kids of the tenant's published keys the pack was checked against */
                        keys: string[];
                        /** @description true only when every check ran and passed */
                        ok: boolean;
                        tenant: string | null;
                        window: {
                            from: string;
                            to: string;
                        } | null;
                    };
                };
            };
        };
    };
    "board.pack.list": {
        parameters: {
            query?: {
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        board_packs: {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            /** @description time to pack */
                            duration_ms: number;
                            /** @description input name to the SHA-256 of its canonical JSON */
                            inputs: {
                                [key: string]: string;
                            };
                            pack_id: string;
                            period: string;
                            /** Format: date-time */
                            period_from: string;
                            /**
                             * Format: date-time
                             * @description exclusive
                             */
                            period_to: string;
                            sha256: string;
                        }[];
                    };
                };
            };
        };
    };
    "board.pack.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-Q1..Q4-mid or YYYY-MM */
                    period: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "config.drift.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        readings: {
                            /** @description hash the database holds */
                            desired: string | null;
                            drifted: boolean;
                            kind: string;
                            /** @description hash this process holds; null when it has not loaded the tenant */
                            loaded: string | null;
                        }[];
                        tenant: string;
                    };
                };
            };
        };
    };
    "graph.entity.list": {
        parameters: {
            query?: {
                /** @description the next_cursor of the page before */
                after?: string;
                /** @description 1 to 1000, default 100 */
                limit?: string;
                /** @description a subject id */
                owner?: string;
                type?: string;
                /** @description a JSON object the properties must contain, e.g. {"status":"open"} */
                where?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entities: {
                            /** Format: date-time */
                            created_at: string;
                            entity_id: string;
                            key: string | null;
                            owner: string | null;
                            properties: {
                                [key: string]: unknown;
                            };
                            /** @description `api` for entities made here; otherwise the domain that owns the object */
                            source: string;
                            type: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        /** @description entities of this page the caller may not see */
                        hidden: number;
                        next_cursor: string | null;
                    };
                };
            };
        };
    };
    "graph.entity.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the client’s idempotency key: a retry with the same key returns the entity it made */
                    key?: string;
                    /** @description a subject id */
                    owner?: string;
                    /** @description checked against the JSON Schema of the type */
                    properties?: {
                        [key: string]: unknown;
                    };
                    type: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        created_at: string;
                        entity_id: string;
                        key: string | null;
                        owner: string | null;
                        properties: {
                            [key: string]: unknown;
                        };
                        /** @description `api` for entities made here; otherwise the domain that owns the object */
                        source: string;
                        type: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "graph.entity.batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the client’s idempotency key: a retry with the same key returns the entity it made */
                    key: string;
                    /** @description a subject id */
                    owner?: string;
                    /** @description checked against the JSON Schema of the type */
                    properties?: {
                        [key: string]: unknown;
                    };
                    type: string;
                }[];
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description entities made by this call */
                        created: number;
                        entities: {
                            created: boolean;
                            entity_id: string;
                            key: string;
                        }[];
                        /** @description items whose key had made an entity before (returned, not made again) */
                        existing: number;
                    };
                };
            };
        };
    };
    "graph.entity.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description an entity id: a UUID for entities made here, `subject:<id>` and the like for mirrored domain objects */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        created_at: string;
                        entity_id: string;
                        key: string | null;
                        owner: string | null;
                        properties: {
                            [key: string]: unknown;
                        };
                        /** @description `api` for entities made here; otherwise the domain that owns the object */
                        source: string;
                        type: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "graph.entity.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description an entity id: a UUID for entities made here, `subject:<id>` and the like for mirrored domain objects */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: {
                            /** Format: date-time */
                            created_at: string;
                            entity_id: string;
                            key: string | null;
                            owner: string | null;
                            properties: {
                                [key: string]: unknown;
                            };
                            /** @description `api` for entities made here; otherwise the domain that owns the object */
                            source: string;
                            type: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        relationships: {
                            /** Format: date-time */
                            created_at: string;
                            from_id: string;
                            properties: {
                                [key: string]: unknown;
                            };
                            relationship_id: string;
                            source: string;
                            to_id: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    "graph.entity.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description an entity id: a UUID for entities made here, `subject:<id>` and the like for mirrored domain objects */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    owner?: string | null;
                    /** @description checked against the JSON Schema of the type */
                    properties?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        created_at: string;
                        entity_id: string;
                        key: string | null;
                        owner: string | null;
                        properties: {
                            [key: string]: unknown;
                        };
                        /** @description `api` for entities made here; otherwise the domain that owns the object */
                        source: string;
                        type: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "graph.lineage.get": {
        parameters: {
            query?: {
                /** @description 1 to 10, default 5 */
                depth?: string;
                direction?: "upstream" | "downstream" | "both";
                /** @description 1 to 5000, default 1000 */
                limit?: string;
                /** @description relationship types, comma-separated (default: all) */
                types?: string;
            };
            header?: never;
            path: {
                /** @description an entity id: a UUID for entities made here, `subject:<id>` and the like for mirrored domain objects */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        downstream: {
                            depth: number;
                            entity_id: string;
                            type: string;
                            /** @description the edge that reached it; an end the caller may not see reads "hidden" */
                            via: {
                                from_id: string;
                                relationship_id: string;
                                to_id: string;
                                type: string;
                            };
                        }[];
                        entity: {
                            /** Format: date-time */
                            created_at: string;
                            entity_id: string;
                            key: string | null;
                            owner: string | null;
                            properties: {
                                [key: string]: unknown;
                            };
                            /** @description `api` for entities made here; otherwise the domain that owns the object */
                            source: string;
                            type: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        /** @description entities left out because the caller may not see them */
                        hidden: number;
                        /** @description the path limit stopped a walk */
                        truncated: boolean;
                        upstream: {
                            depth: number;
                            entity_id: string;
                            type: string;
                            /** @description the edge that reached it; an end the caller may not see reads "hidden" */
                            via: {
                                from_id: string;
                                relationship_id: string;
                                to_id: string;
                                type: string;
                            };
                        }[];
                    };
                };
            };
        };
    };
    "graph.entitlement.grant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description an entity id: a UUID for entities made here, `subject:<id>` and the like for mirrored domain objects */
                    entity_id: string;
                    subject_id: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entity_id: string;
                        relationship: {
                            /** Format: date-time */
                            created_at: string;
                            from_id: string;
                            properties: {
                                [key: string]: unknown;
                            };
                            relationship_id: string;
                            source: string;
                            to_id: string;
                            type: string;
                        };
                        subject_id: string;
                    };
                };
            };
        };
    };
    "graph.entitlement.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description an entity id: a UUID for entities made here, `subject:<id>` and the like for mirrored domain objects */
                entityId: string;
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entity_id: string;
                        relationship: {
                            /** Format: date-time */
                            created_at: string;
                            from_id: string;
                            properties: {
                                [key: string]: unknown;
                            };
                            relationship_id: string;
                            source: string;
                            to_id: string;
                            type: string;
                        };
                        subject_id: string;
                    };
                };
            };
        };
    };
    "high_risk.evidence.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "revops.evidence.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "finops.cost.get": {
        parameters: {
            query?: {
                format?: "csv";
                /** @description a month, YYYY-MM */
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allocations: {
                            amount: number;
                            currency: string;
                            driver: string;
                            period: string;
                            service: string;
                            share: number;
                        }[];
                        cost: number;
                        currency: string;
                        margin: number;
                        period: string;
                        revenue: number;
                    };
                };
            };
        };
    };
    "finops.cost.import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    csv: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description share of the cost attributed by a direct usage key */
                        coverage: number;
                        direct: number;
                        import_id: string;
                        periods: string[];
                        tenants: {
                            cost: number;
                            period: string;
                            tenant_id: string;
                        }[];
                        total: number;
                    };
                };
            };
        };
    };
    "finops.cost.tenants": {
        parameters: {
            query?: {
                /** @description a month, YYYY-MM */
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        period: string;
                        tenants: {
                            cost: number;
                            currency: string;
                            margin: number;
                            revenue: number;
                            tenant_id: string;
                        }[];
                        /** @description the sums over every tenant, one row per currency */
                        totals: {
                            cost: number;
                            currency: string;
                            margin: number;
                            revenue: number;
                        }[];
                    };
                };
            };
        };
    };
    "finops.estimate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    internal?: boolean;
                    /** @description a month, YYYY-MM */
                    period?: string;
                    plan_id: string;
                    plan_version?: number;
                    usage: {
                        [key: string]: number;
                    };
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currency: string;
                        lines: {
                            /** @description minor units */
                            amount: number;
                            billable: number;
                            description: string;
                            kind: string;
                            line_no: number;
                            meter: string | null;
                            plan_id: string;
                            plan_version: number;
                            quantity: number;
                            segment_from: string;
                            segment_to: string;
                        }[];
                        plan_id: string;
                        plan_version: number;
                        subtotal: number;
                        summary: string;
                        tax: number;
                        total: number;
                    };
                };
            };
        };
    };
    "finops.invoice.list": {
        parameters: {
            query?: {
                format?: "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invoices: {
                            currency: string;
                            finalized_at: string | null;
                            invoice_id: string;
                            lines: {
                                /** @description minor units */
                                amount: number;
                                billable: number;
                                description: string;
                                kind: string;
                                line_no: number;
                                meter: string | null;
                                plan_id: string;
                                plan_version: number;
                                quantity: number;
                                segment_from: string;
                                segment_to: string;
                            }[];
                            number: string;
                            period: string;
                            /** Format: date-time */
                            rated_at: string;
                            receipt_id: string | null;
                            /** @description SHA-256 of the canonical JSON invoice document; a finalised invoice has it in a receipt */
                            sha256: string;
                            status: string;
                            subtotal: number;
                            summary: string;
                            /** @description a placeholder until tax rules exist: 0 */
                            tax: number;
                            total: number;
                        }[];
                    };
                };
            };
        };
    };
    "finops.invoice.get": {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "finops.invoice.evidence": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "finops.invoice.finalize": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "finops.invoice.rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a month, YYYY-MM */
                    period: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changed: boolean;
                        invoice: {
                            currency: string;
                            finalized_at: string | null;
                            invoice_id: string;
                            lines: {
                                /** @description minor units */
                                amount: number;
                                billable: number;
                                description: string;
                                kind: string;
                                line_no: number;
                                meter: string | null;
                                plan_id: string;
                                plan_version: number;
                                quantity: number;
                                segment_from: string;
                                segment_to: string;
                            }[];
                            number: string;
                            period: string;
                            /** Format: date-time */
                            rated_at: string;
                            receipt_id: string | null;
                            /** @description SHA-256 of the canonical JSON invoice document; a finalised invoice has it in a receipt */
                            sha256: string;
                            status: string;
                            subtotal: number;
                            summary: string;
                            /** @description a placeholder until tax rules exist: 0 */
                            tax: number;
                            total: number;
                        };
                    };
                };
            };
        };
    };
    "finops.meter_readings.list": {
        parameters: {
            query?: {
                format?: "csv";
                /** @description first day, inclusive */
                from?: string;
                meter?: string;
                /** @description last day, exclusive */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        readings: {
                            /** Format: date-time */
                            aggregated_at: string;
                            /** @description UTC day, YYYY-MM-DD */
                            day: string;
                            events: number;
                            meter: string;
                            quantity: number;
                        }[];
                    };
                };
            };
        };
    };
    "finops.plan.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignments: {
                            [key: string]: unknown;
                        }[];
                        plans: {
                            /** @description minor units of the plan currency */
                            base_fee: number;
                            currency: string;
                            id: string;
                            /** @description minor units of the plan currency */
                            internal_base_fee?: number;
                            /** @description minor units of the plan currency */
                            minimum: number;
                            name: string;
                            prices: {
                                included: number;
                                meter: string;
                                model: "graduated" | "volume";
                                per: number;
                                tiers: {
                                    /** @description minor units of the plan currency */
                                    unit_amount: number;
                                    up_to: number | null;
                                }[];
                            }[];
                            version: number;
                        }[];
                    };
                };
            };
        };
    };
    "finops.plan.assign": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description first UTC day on the plan */
                    effective_from: string;
                    /** @description an internal tenant pays the internal base fee */
                    internal?: boolean;
                    plan_id: string;
                    /** @description default: the newest version */
                    plan_version?: number;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "finops.usage.list": {
        parameters: {
            query?: {
                format?: "csv";
                /** @description occurred at or after */
                from?: string;
                /** @description at most 10000 (default 1000) */
                limit?: string;
                meter?: string;
                /** @description occurred before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            action: string;
                            event_id: string;
                            idempotency_key: string;
                            meter: string;
                            /** Format: date-time */
                            occurred_at: string;
                            properties: {
                                [key: string]: unknown;
                            };
                            quantity: number;
                            /** Format: date-time */
                            recorded_at: string;
                            source: string;
                            subject: string | null;
                        }[];
                        meters: string[];
                    };
                };
            };
        };
    };
    "finops.usage.report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": ({
                    data?: {
                        quantity?: number;
                    } & {
                        [key: string]: unknown;
                    };
                    datacontenttype?: string;
                    dataschema?: string;
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    subject?: string;
                    /** @description RFC 3339; default: when the server receives it */
                    time?: string;
                    type: string;
                } & {
                    [key: string]: unknown;
                }) | ({
                    data?: {
                        quantity?: number;
                    } & {
                        [key: string]: unknown;
                    };
                    datacontenttype?: string;
                    dataschema?: string;
                    id: string;
                    source: string;
                    /** @enum {string} */
                    specversion: "1.0";
                    subject?: string;
                    /** @description RFC 3339; default: when the server receives it */
                    time?: string;
                    type: string;
                } & {
                    [key: string]: unknown;
                })[];
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        duplicates: number;
                        received: number;
                        stored: number;
                    };
                };
            };
        };
    };
    "finops.webhook.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: {
                            attempts: number;
                            /** Format: date-time */
                            created_at: string;
                            delivery_id: string;
                            invoice_id: string;
                            last_error: string | null;
                            last_status: number | null;
                            status: string;
                            /** Format: date-time */
                            updated_at: string;
                            webhook_id: string;
                        }[];
                        webhooks: {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            url: string;
                            webhook_id: string;
                        }[];
                    };
                };
            };
        };
    };
    "finops.webhook.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        created_at: string;
                        created_by: string;
                        secret: string;
                        url: string;
                        webhook_id: string;
                    };
                };
            };
        };
    };
    "flag.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        flags: {
                            default_variant: string;
                            description: string;
                            expires_at: string | null;
                            flag_id: string;
                            /** @enum {string} */
                            kind: "release" | "experiment" | "operational" | "kill-switch" | "permission";
                            last_evaluated_at: string | null;
                            off_variant: string;
                            owner: string;
                            setting: {
                                /** @description false serves the off variant to everyone */
                                enabled?: boolean;
                                rollout?: {
                                    percent: number;
                                    variant: string;
                                };
                                targeting?: {
                                    attribute: string;
                                    /** @enum {string} */
                                    op: "in" | "not_in";
                                    values: (string | number | boolean)[];
                                    variant: string;
                                }[];
                                variant?: string;
                            } | null;
                            /** @enum {string} */
                            setting_source: "tenant" | "seed" | "none";
                            type: string;
                            variants: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
        };
    };
    "flag.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description flag id: lower-case, dots and dashes */
                flagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        default_variant: string;
                        description: string;
                        expires_at: string | null;
                        flag_id: string;
                        /** @enum {string} */
                        kind: "release" | "experiment" | "operational" | "kill-switch" | "permission";
                        last_evaluated_at: string | null;
                        off_variant: string;
                        owner: string;
                        setting: {
                            /** @description false serves the off variant to everyone */
                            enabled?: boolean;
                            rollout?: {
                                percent: number;
                                variant: string;
                            };
                            targeting?: {
                                attribute: string;
                                /** @enum {string} */
                                op: "in" | "not_in";
                                values: (string | number | boolean)[];
                                variant: string;
                            }[];
                            variant?: string;
                        } | null;
                        /** @enum {string} */
                        setting_source: "tenant" | "seed" | "none";
                        type: string;
                        variants: {
                            [key: string]: unknown;
                        };
                    } & {
                        history: {
                            actor: string;
                            after: {
                                /** @description false serves the off variant to everyone */
                                enabled?: boolean;
                                rollout?: {
                                    percent: number;
                                    variant: string;
                                };
                                targeting?: {
                                    attribute: string;
                                    /** @enum {string} */
                                    op: "in" | "not_in";
                                    values: (string | number | boolean)[];
                                    variant: string;
                                }[];
                                variant?: string;
                            } | null;
                            before: {
                                /** @description false serves the off variant to everyone */
                                enabled?: boolean;
                                rollout?: {
                                    percent: number;
                                    variant: string;
                                };
                                targeting?: {
                                    attribute: string;
                                    /** @enum {string} */
                                    op: "in" | "not_in";
                                    values: (string | number | boolean)[];
                                    variant: string;
                                }[];
                                variant?: string;
                            } | null;
                            change_id: string;
                            /** Format: date-time */
                            changed_at: string;
                            flag_id: string;
                            kind: string;
                            request_id: string | null;
                        }[];
                    };
                };
            };
        };
    };
    "flag.revert": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description flag id: lower-case, dots and dashes */
                flagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor: string;
                        after: {
                            /** @description false serves the off variant to everyone */
                            enabled?: boolean;
                            rollout?: {
                                percent: number;
                                variant: string;
                            };
                            targeting?: {
                                attribute: string;
                                /** @enum {string} */
                                op: "in" | "not_in";
                                values: (string | number | boolean)[];
                                variant: string;
                            }[];
                            variant?: string;
                        } | null;
                        before: {
                            /** @description false serves the off variant to everyone */
                            enabled?: boolean;
                            rollout?: {
                                percent: number;
                                variant: string;
                            };
                            targeting?: {
                                attribute: string;
                                /** @enum {string} */
                                op: "in" | "not_in";
                                values: (string | number | boolean)[];
                                variant: string;
                            }[];
                            variant?: string;
                        } | null;
                        change_id: string;
                        /** Format: date-time */
                        changed_at: string;
                        flag_id: string;
                        kind: string;
                        request_id: string | null;
                    };
                };
            };
        };
    };
    "flag.set": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description flag id: lower-case, dots and dashes */
                flagId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description false serves the off variant to everyone */
                    enabled?: boolean;
                    rollout?: {
                        percent: number;
                        variant: string;
                    };
                    targeting?: {
                        attribute: string;
                        /** @enum {string} */
                        op: "in" | "not_in";
                        values: (string | number | boolean)[];
                        variant: string;
                    }[];
                    variant?: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor: string;
                        after: {
                            /** @description false serves the off variant to everyone */
                            enabled?: boolean;
                            rollout?: {
                                percent: number;
                                variant: string;
                            };
                            targeting?: {
                                attribute: string;
                                /** @enum {string} */
                                op: "in" | "not_in";
                                values: (string | number | boolean)[];
                                variant: string;
                            }[];
                            variant?: string;
                        } | null;
                        before: {
                            /** @description false serves the off variant to everyone */
                            enabled?: boolean;
                            rollout?: {
                                percent: number;
                                variant: string;
                            };
                            targeting?: {
                                attribute: string;
                                /** @enum {string} */
                                op: "in" | "not_in";
                                values: (string | number | boolean)[];
                                variant: string;
                            }[];
                            variant?: string;
                        } | null;
                        change_id: string;
                        /** Format: date-time */
                        changed_at: string;
                        flag_id: string;
                        kind: string;
                        request_id: string | null;
                    };
                };
            };
        };
    };
    "flag.evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    context?: {
                        [key: string]: string | number | boolean;
                    };
                    flags?: string[];
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        evaluations: {
                            detail: string;
                            error_code?: string;
                            flag_id: string;
                            reason: string;
                            value: unknown;
                            variant: string | null;
                        }[];
                    };
                };
            };
        };
    };
    "graph.neighbours.get": {
        parameters: {
            query?: {
                depth?: "1" | "2" | "3";
                direction?: "out" | "in" | "both";
                /** @description 1 to 1000, default 100 */
                limit?: string;
                /** @description relationship types, comma-separated (default: all) */
                types?: string;
            };
            header?: never;
            path: {
                /** @description an entity id: a UUID for entities made here, `subject:<id>` and the like for mirrored domain objects */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entity: {
                            /** Format: date-time */
                            created_at: string;
                            entity_id: string;
                            key: string | null;
                            owner: string | null;
                            properties: {
                                [key: string]: unknown;
                            };
                            /** @description `api` for entities made here; otherwise the domain that owns the object */
                            source: string;
                            type: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        /** @description neighbours left out because the caller may not see them */
                        hidden: number;
                        neighbours: {
                            depth: number;
                            entity: {
                                /** Format: date-time */
                                created_at: string;
                                entity_id: string;
                                key: string | null;
                                owner: string | null;
                                properties: {
                                    [key: string]: unknown;
                                };
                                /** @description `api` for entities made here; otherwise the domain that owns the object */
                                source: string;
                                type: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                        }[];
                        relationships: {
                            /** Format: date-time */
                            created_at: string;
                            from_id: string;
                            properties: {
                                [key: string]: unknown;
                            };
                            relationship_id: string;
                            source: string;
                            to_id: string;
                            type: string;
                        }[];
                        /** @description the node limit stopped the walk */
                        truncated: boolean;
                    };
                };
            };
        };
    };
    "graph.type.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        types: {
                            builtin: boolean;
                            created_at: string | null;
                            description: string;
                            /** @enum {string} */
                            kind: "entity" | "relationship";
                            schema: {
                                [key: string]: unknown;
                            };
                            type_name: string;
                            updated_at: string | null;
                        }[];
                    };
                };
            };
        };
    };
    "graph.type.put": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "entity" | "relationship";
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    schema: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        builtin: boolean;
                        created_at: string | null;
                        description: string;
                        /** @enum {string} */
                        kind: "entity" | "relationship";
                        schema: {
                            [key: string]: unknown;
                        };
                        type_name: string;
                        updated_at: string | null;
                    };
                };
            };
        };
    };
    "high_risk.dashboard.get": {
        parameters: {
            query?: {
                /** @description the window in days, 1 to 90 (default 30) */
                days?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approval_time_s: {
                            average: number | null;
                            count: number;
                        };
                        approved: number;
                        by_day: {
                            approved: number;
                            day: string;
                            executed: number;
                            requests: number;
                            reverted: number;
                        }[];
                        executed: number;
                        last_7_days: {
                            decision_p95_ms: number | null;
                            decisions: number;
                            kept: boolean;
                            missing_receipts: number;
                        };
                        missing_receipts: number;
                        requests: number;
                        reverted: number;
                        window: {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                        };
                    };
                };
            };
        };
    };
    "high_risk.receipts.missing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requests: {
                            missing_steps: {
                                action: string;
                                expected: number;
                                found: number;
                                step: string;
                            }[];
                            operation: string;
                            request_id: string;
                            requester: string;
                            status: "requested" | "approved" | "active" | "reverted" | "denied" | "cancelled" | "expired" | "failed";
                        }[];
                    };
                };
            };
        };
    };
    "high_risk.request.list": {
        parameters: {
            query?: {
                /** @description next_before of the page before */
                before?: string;
                /** @description created at or after */
                from?: string;
                /** @description 1 to 1000, default 100 */
                limit?: string;
                requester?: string;
                status?: "requested" | "approved" | "active" | "reverted" | "denied" | "cancelled" | "expired" | "failed";
                /** @description created before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description pass as before for the next (older) page; null on the last page */
                        next_before: string | null;
                        requests: {
                            active_until: string | null;
                            approver_roles: string[];
                            /** Format: date-time */
                            created_at: string;
                            duration_minutes: number;
                            operation: string;
                            /**
                             * Format: date-time
                             * @description a request not executed by then expires
                             */
                            pending_until: string;
                            rationale: string;
                            request_id: string;
                            requester: string;
                            role_name: string | null;
                            status: "requested" | "approved" | "active" | "reverted" | "denied" | "cancelled" | "expired" | "failed";
                            target: {
                                database: string;
                                schema: string;
                                tables: string[];
                            };
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
        };
    };
    "high_risk.request.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description how long access lasts once executed (the policy sets the limit) */
                    duration_minutes: number;
                    /** @description e.g. TEMP_DB_READ_ACCESS */
                    operation: string;
                    rationale: string;
                    target: {
                        database: string;
                        schema: string;
                        tables: string[];
                    };
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_until: string | null;
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        duration_minutes: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        missing_approvals: string[];
                        operation: string;
                        /**
                         * Format: date-time
                         * @description a request not executed by then expires
                         */
                        pending_until: string;
                        rationale: string;
                        request_id: string;
                        requester: string;
                        role_name: string | null;
                        status: "requested" | "approved" | "active" | "reverted" | "denied" | "cancelled" | "expired" | "failed";
                        target: {
                            database: string;
                            schema: string;
                            tables: string[];
                        };
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "high_risk.request.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_until: string | null;
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        duration_minutes: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        missing_approvals: string[];
                        operation: string;
                        /**
                         * Format: date-time
                         * @description a request not executed by then expires
                         */
                        pending_until: string;
                        rationale: string;
                        request_id: string;
                        requester: string;
                        role_name: string | null;
                        status: "requested" | "approved" | "active" | "reverted" | "denied" | "cancelled" | "expired" | "failed";
                        target: {
                            database: string;
                            schema: string;
                            tables: string[];
                        };
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "high_risk.request.approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_until: string | null;
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        duration_minutes: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        missing_approvals: string[];
                        operation: string;
                        /**
                         * Format: date-time
                         * @description a request not executed by then expires
                         */
                        pending_until: string;
                        rationale: string;
                        request_id: string;
                        requester: string;
                        role_name: string | null;
                        status: "requested" | "approved" | "active" | "reverted" | "denied" | "cancelled" | "expired" | "failed";
                        target: {
                            database: string;
                            schema: string;
                            tables: string[];
                        };
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "high_risk.request.cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale?: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_until: string | null;
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        duration_minutes: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        missing_approvals: string[];
                        operation: string;
                        /**
                         * Format: date-time
                         * @description a request not executed by then expires
                         */
                        pending_until: string;
                        rationale: string;
                        request_id: string;
                        requester: string;
                        role_name: string | null;
                        status: "requested" | "approved" | "active" | "reverted" | "denied" | "cancelled" | "expired" | "failed";
                        target: {
                            database: string;
                            schema: string;
                            tables: string[];
                        };
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "high_risk.request.deny": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_until: string | null;
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        duration_minutes: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        missing_approvals: string[];
                        operation: string;
                        /**
                         * Format: date-time
                         * @description a request not executed by then expires
                         */
                        pending_until: string;
                        rationale: string;
                        request_id: string;
                        requester: string;
                        role_name: string | null;
                        status: "requested" | "approved" | "active" | "reverted" | "denied" | "cancelled" | "expired" | "failed";
                        target: {
                            database: string;
                            schema: string;
                            tables: string[];
                        };
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "high_risk.request.execute": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_until: string | null;
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        credentials: {
                            database: string;
                            password: string;
                            username: string;
                            /** Format: date-time */
                            valid_until: string;
                        };
                        duration_minutes: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        missing_approvals: string[];
                        operation: string;
                        /**
                         * Format: date-time
                         * @description a request not executed by then expires
                         */
                        pending_until: string;
                        rationale: string;
                        request_id: string;
                        requester: string;
                        role_name: string | null;
                        status: "requested" | "approved" | "active" | "reverted" | "denied" | "cancelled" | "expired" | "failed";
                        target: {
                            database: string;
                            schema: string;
                            tables: string[];
                        };
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "high_risk.request.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale?: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_until: string | null;
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        duration_minutes: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        missing_approvals: string[];
                        operation: string;
                        /**
                         * Format: date-time
                         * @description a request not executed by then expires
                         */
                        pending_until: string;
                        rationale: string;
                        request_id: string;
                        requester: string;
                        role_name: string | null;
                        status: "requested" | "approved" | "active" | "reverted" | "denied" | "cancelled" | "expired" | "failed";
                        target: {
                            database: string;
                            schema: string;
                            tables: string[];
                        };
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "incident.list": {
        parameters: {
            query?: {
                before?: string;
                /** @description 1 to 100, default 50 */
                limit?: string;
                status?: "open" | "mitigated" | "resolved";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        incidents: {
                            alert: {
                                annotations: {
                                    [key: string]: string;
                                };
                                labels: {
                                    [key: string]: string;
                                };
                                name: string;
                            } | null;
                            alert_key: string | null;
                            incident_id: string;
                            /** Format: date-time */
                            opened_at: string;
                            opened_by: string;
                            resolution: string | null;
                            resolved_at: string | null;
                            runbook_slug: string | null;
                            /** @enum {string} */
                            severity: "critical" | "high" | "medium" | "low";
                            /** @enum {string} */
                            source: "manual" | "alert";
                            /** @enum {string} */
                            status: "open" | "mitigated" | "resolved";
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_before: string | null;
                    };
                };
            };
        };
    };
    "incident.open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    /** @description lower-case letters, digits and dashes, up to 63 */
                    runbook?: string;
                    /** @enum {string} */
                    severity: "critical" | "high" | "medium" | "low";
                    title: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alert: {
                            annotations: {
                                [key: string]: string;
                            };
                            labels: {
                                [key: string]: string;
                            };
                            name: string;
                        } | null;
                        alert_key: string | null;
                        entities: {
                            entity_id: string;
                            type: string;
                        }[];
                        incident_id: string;
                        /** Format: date-time */
                        opened_at: string;
                        opened_by: string;
                        resolution: string | null;
                        resolved_at: string | null;
                        runbook: {
                            console_path: string;
                            current_version: number;
                            slug: string;
                            title: string;
                        } | null;
                        runbook_slug: string | null;
                        /** @enum {string} */
                        severity: "critical" | "high" | "medium" | "low";
                        /** @enum {string} */
                        source: "manual" | "alert";
                        /** @enum {string} */
                        status: "open" | "mitigated" | "resolved";
                        timeline: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        title: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "incident.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alert: {
                            annotations: {
                                [key: string]: string;
                            };
                            labels: {
                                [key: string]: string;
                            };
                            name: string;
                        } | null;
                        alert_key: string | null;
                        entities: {
                            entity_id: string;
                            type: string;
                        }[];
                        incident_id: string;
                        /** Format: date-time */
                        opened_at: string;
                        opened_by: string;
                        resolution: string | null;
                        resolved_at: string | null;
                        runbook: {
                            console_path: string;
                            current_version: number;
                            slug: string;
                            title: string;
                        } | null;
                        runbook_slug: string | null;
                        /** @enum {string} */
                        severity: "critical" | "high" | "medium" | "low";
                        /** @enum {string} */
                        source: "manual" | "alert";
                        /** @enum {string} */
                        status: "open" | "mitigated" | "resolved";
                        timeline: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        title: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "incident.entity.link": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description an entity id: a UUID for entities made here, `subject:<id>` and the like for mirrored domain objects */
                    entity_id: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alert: {
                            annotations: {
                                [key: string]: string;
                            };
                            labels: {
                                [key: string]: string;
                            };
                            name: string;
                        } | null;
                        alert_key: string | null;
                        entities: {
                            entity_id: string;
                            type: string;
                        }[];
                        incident_id: string;
                        /** Format: date-time */
                        opened_at: string;
                        opened_by: string;
                        resolution: string | null;
                        resolved_at: string | null;
                        runbook: {
                            console_path: string;
                            current_version: number;
                            slug: string;
                            title: string;
                        } | null;
                        runbook_slug: string | null;
                        /** @enum {string} */
                        severity: "critical" | "high" | "medium" | "low";
                        /** @enum {string} */
                        source: "manual" | "alert";
                        /** @enum {string} */
                        status: "open" | "mitigated" | "resolved";
                        timeline: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        title: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "incident.mitigate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale?: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alert: {
                            annotations: {
                                [key: string]: string;
                            };
                            labels: {
                                [key: string]: string;
                            };
                            name: string;
                        } | null;
                        alert_key: string | null;
                        entities: {
                            entity_id: string;
                            type: string;
                        }[];
                        incident_id: string;
                        /** Format: date-time */
                        opened_at: string;
                        opened_by: string;
                        resolution: string | null;
                        resolved_at: string | null;
                        runbook: {
                            console_path: string;
                            current_version: number;
                            slug: string;
                            title: string;
                        } | null;
                        runbook_slug: string | null;
                        /** @enum {string} */
                        severity: "critical" | "high" | "medium" | "low";
                        /** @enum {string} */
                        source: "manual" | "alert";
                        /** @enum {string} */
                        status: "open" | "mitigated" | "resolved";
                        timeline: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        title: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "incident.note": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alert: {
                            annotations: {
                                [key: string]: string;
                            };
                            labels: {
                                [key: string]: string;
                            };
                            name: string;
                        } | null;
                        alert_key: string | null;
                        entities: {
                            entity_id: string;
                            type: string;
                        }[];
                        incident_id: string;
                        /** Format: date-time */
                        opened_at: string;
                        opened_by: string;
                        resolution: string | null;
                        resolved_at: string | null;
                        runbook: {
                            console_path: string;
                            current_version: number;
                            slug: string;
                            title: string;
                        } | null;
                        runbook_slug: string | null;
                        /** @enum {string} */
                        severity: "critical" | "high" | "medium" | "low";
                        /** @enum {string} */
                        source: "manual" | "alert";
                        /** @enum {string} */
                        status: "open" | "mitigated" | "resolved";
                        timeline: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        title: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "incident.resolve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alert: {
                            annotations: {
                                [key: string]: string;
                            };
                            labels: {
                                [key: string]: string;
                            };
                            name: string;
                        } | null;
                        alert_key: string | null;
                        entities: {
                            entity_id: string;
                            type: string;
                        }[];
                        incident_id: string;
                        /** Format: date-time */
                        opened_at: string;
                        opened_by: string;
                        resolution: string | null;
                        resolved_at: string | null;
                        runbook: {
                            console_path: string;
                            current_version: number;
                            slug: string;
                            title: string;
                        } | null;
                        runbook_slug: string | null;
                        /** @enum {string} */
                        severity: "critical" | "high" | "medium" | "low";
                        /** @enum {string} */
                        source: "manual" | "alert";
                        /** @enum {string} */
                        status: "open" | "mitigated" | "resolved";
                        timeline: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        title: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "incident.runbook.link": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description lower-case letters, digits and dashes, up to 63 */
                    slug: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alert: {
                            annotations: {
                                [key: string]: string;
                            };
                            labels: {
                                [key: string]: string;
                            };
                            name: string;
                        } | null;
                        alert_key: string | null;
                        entities: {
                            entity_id: string;
                            type: string;
                        }[];
                        incident_id: string;
                        /** Format: date-time */
                        opened_at: string;
                        opened_by: string;
                        resolution: string | null;
                        resolved_at: string | null;
                        runbook: {
                            console_path: string;
                            current_version: number;
                            slug: string;
                            title: string;
                        } | null;
                        runbook_slug: string | null;
                        /** @enum {string} */
                        severity: "critical" | "high" | "medium" | "low";
                        /** @enum {string} */
                        source: "manual" | "alert";
                        /** @enum {string} */
                        status: "open" | "mitigated" | "resolved";
                        timeline: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        title: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "incident.open_from_alert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the alert name */
                    alert: string;
                    labels?: {
                        [key: string]: string;
                    };
                    /** @description a runbook slug */
                    runbook?: string;
                    /** @enum {string} */
                    severity?: "critical" | "high" | "medium" | "low";
                    summary?: string;
                } | {
                    alerts: {
                        annotations?: {
                            [key: string]: string;
                        };
                        fingerprint?: string;
                        labels: {
                            [key: string]: string;
                        };
                        startsAt?: string;
                        /** @enum {string} */
                        status?: "firing" | "resolved";
                    }[];
                    commonAnnotations?: {
                        [key: string]: string;
                    };
                    commonLabels?: {
                        [key: string]: string;
                    };
                    groupLabels?: {
                        [key: string]: string;
                    };
                    /** @enum {string} */
                    status: "firing" | "resolved";
                    version: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: boolean;
                        incident: {
                            alert: {
                                annotations: {
                                    [key: string]: string;
                                };
                                labels: {
                                    [key: string]: string;
                                };
                                name: string;
                            } | null;
                            alert_key: string | null;
                            entities: {
                                entity_id: string;
                                type: string;
                            }[];
                            incident_id: string;
                            /** Format: date-time */
                            opened_at: string;
                            opened_by: string;
                            resolution: string | null;
                            resolved_at: string | null;
                            runbook: {
                                console_path: string;
                                current_version: number;
                                slug: string;
                                title: string;
                            } | null;
                            runbook_slug: string | null;
                            /** @enum {string} */
                            severity: "critical" | "high" | "medium" | "low";
                            /** @enum {string} */
                            source: "manual" | "alert";
                            /** @enum {string} */
                            status: "open" | "mitigated" | "resolved";
                            timeline: {
                                actor: string;
                                /** Format: date-time */
                                at: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                from_state: string | null;
                                rationale: string | null;
                                seq: number;
                                to_state: string;
                                transition: string;
                            }[];
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                        } | null;
                    };
                };
            };
        };
    };
    "keys.kek.status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data_keys: {
                            live: number;
                            shredded: number;
                            under_tenant_kek: number;
                        };
                        holder: "platform" | "tenant";
                        state: "platform" | "active" | "revoked";
                        versions: {
                            fingerprint: string;
                            /** Format: date-time */
                            imported_at: string;
                            imported_by: string;
                            retired_at: string | null;
                            revoked_at: string | null;
                            status: "active" | "retired" | "revoked";
                            version: number;
                        }[];
                    };
                };
            };
        };
    };
    "keys.kek.import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description base64 of the 32-byte AES-256 KEK encrypted with RSA-OAEP-256 to the wrapping key */
                    wrapped_key: string;
                    /**
                     * Format: uuid
                     * @description the wrapping key the KEK was wrapped to (single use)
                     */
                    wrapping_key_id: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the first 16 hex digits of the SHA-256 of the KEK */
                        fingerprint: string;
                        retired: number | null;
                        /** @description live data keys re-wrapped under this version */
                        rewrapped: number;
                        version: number;
                    };
                };
            };
        };
    };
    "keys.kek.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description data keys lost with it */
                        data_keys: number;
                        fingerprint: string;
                        version: number;
                    };
                };
            };
        };
    };
    "keys.kek.rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description base64 of the 32-byte AES-256 KEK encrypted with RSA-OAEP-256 to the wrapping key */
                    wrapped_key: string;
                    /**
                     * Format: uuid
                     * @description the wrapping key the KEK was wrapped to (single use)
                     */
                    wrapping_key_id: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the first 16 hex digits of the SHA-256 of the KEK */
                        fingerprint: string;
                        retired: number | null;
                        /** @description live data keys re-wrapped under this version */
                        rewrapped: number;
                        version: number;
                    };
                };
            };
        };
    };
    "keys.wrapping_key.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        algorithm: "RSA-OAEP-256";
                        /** Format: date-time */
                        expires_at: string;
                        /** @description SPKI PEM of the RSA-3072 key to wrap the KEK to */
                        public_key_pem: string;
                        /** Format: uuid */
                        wrapping_key_id: string;
                    };
                };
            };
        };
    };
    "observability.slo.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        slos: {
                            attainment: number | null;
                            bad: number;
                            budget_remaining: number | null;
                            description: string;
                            name: string;
                            objective: number;
                            /** @enum {string} */
                            source: "stored" | "process";
                            /** @enum {string} */
                            state: "met" | "at_risk" | "breached" | "no_data";
                            total: number;
                            window: string;
                        }[];
                    };
                };
            };
        };
    };
    "onboarding.cohort.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the cohort name (the file it came from, say) */
                cohort: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alert: {
                            failed_share: number;
                            message: string | null;
                            raised: boolean;
                            threshold: number;
                        };
                        cohort: string;
                        tenants: {
                            done: ("tenant" | "admin" | "template" | "webhook" | "evidence")[];
                            error: string | null;
                            failed_step: ("tenant" | "admin" | "template" | "webhook" | "evidence") | null;
                            /** @enum {string} */
                            state: "in progress" | "onboarded" | "verified" | "failed";
                            tenant_id: string;
                            time_to_first_verify_ms: number | null;
                        }[];
                        time_to_first_verify_ms: {
                            max: number | null;
                            p50: number | null;
                        };
                        totals: {
                            failed: number;
                            in_progress: number;
                            onboarded: number;
                            tenants: number;
                            verified: number;
                        };
                    };
                };
            };
        };
    };
    "onboarding.step.run": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the cohort name (the file it came from, say) */
                    cohort: string;
                    row: {
                        admin: string;
                        admin_name?: string;
                        /** @enum {string} */
                        env?: "dev" | "staging" | "prod";
                        name: string;
                        /** Format: email */
                        owner: string;
                        plan: string;
                        /** @enum {string} */
                        region: "eu" | "us" | "uk" | "apac";
                        webhook_url: string;
                    };
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            [key: string]: unknown;
                        };
                        done: ("tenant" | "admin" | "template" | "webhook" | "evidence")[];
                        next: ("tenant" | "admin" | "template" | "webhook" | "evidence") | null;
                        /** @enum {string} */
                        outcome: "done" | "failed" | "pending" | "skipped";
                        step: ("tenant" | "admin" | "template" | "webhook" | "evidence") | null;
                        tenant_id: string;
                        /** @description the webhook's signing secret, in the answer of the step that registered it only */
                        webhook_secret?: string;
                    };
                };
            };
        };
    };
    "policy.bundle.download": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "policy.can": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    checks: {
                        /** @description an action name, as `companyos actions` lists it */
                        action: string;
                        /** @description the path parameters of the action's route that name its resource (e.g. {"id": ...}) */
                        resource?: {
                            [key: string]: string;
                        };
                    }[];
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bundle_hash: string;
                        results: {
                            action: string;
                            allowed: boolean;
                            reasons: string[];
                            resource?: {
                                [key: string]: string;
                            };
                            /** @description denied now, allowed after a fresh step-up authentication */
                            step_up_required: boolean;
                        }[];
                    };
                };
            };
        };
    };
    "policy.decision.upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": ({
                    bundles: {
                        [key: string]: {
                            revision: string;
                        };
                    };
                    /** Format: uuid */
                    decision_id: string;
                    error?: unknown;
                    input?: unknown;
                    labels?: {
                        [key: string]: string;
                    };
                    metrics?: {
                        [key: string]: unknown;
                    };
                    path?: string;
                    query?: string;
                    result?: unknown;
                    /** Format: date-time */
                    timestamp: string;
                } & {
                    [key: string]: unknown;
                })[];
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        received: number;
                        stored: number;
                    };
                };
            };
        };
    };
    "policy.decision.list": {
        parameters: {
            query?: {
                action?: string;
                allow?: "true" | "false";
                from?: string;
                /** @description 1 to 1000, default 100 */
                limit?: string;
                subject?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        decisions: {
                            action: string | null;
                            actor: string | null;
                            allow: boolean;
                            bundle_hash: string;
                            bundles: {
                                [key: string]: {
                                    revision: string;
                                };
                            };
                            decision_id: string;
                            /** @description OPA's error object, when the evaluation failed */
                            error?: unknown;
                            input: unknown;
                            labels: {
                                tenant_id: string;
                            };
                            metrics: {
                                timer_rego_query_eval_ns: number;
                            };
                            path: string;
                            reasons: string[];
                            result: unknown;
                            source: string | null;
                            /** Format: date-time */
                            timestamp: string;
                        }[];
                    };
                };
            };
        };
    };
    "policy.bundle.diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fixtures?: {
                        [key: string]: unknown;
                    }[];
                    /** @description a version number, active or base */
                    from?: string;
                    /** @description how many recent logged decisions to replay (default 100) */
                    recorded?: number;
                    /** @description a version number, active or base */
                    to: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            from?: unknown;
                            path: string;
                            to?: unknown;
                        }[];
                        decisions: {
                            action: unknown;
                            actor: unknown;
                            from: {
                                allow: boolean;
                                reasons: string[];
                            };
                            ref: string;
                            source: string;
                            to: {
                                allow: boolean;
                                reasons: string[];
                            };
                        }[];
                        from: {
                            hash: string;
                            version: number | null;
                        };
                        modules: {
                            added: string[];
                            changed: string[];
                            removed: string[];
                        };
                        replayed: number;
                        to: {
                            hash: string;
                            version: number | null;
                        };
                    };
                };
            };
        };
    };
    "policy.drift.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_hash: string;
                        active_version: number | null;
                        drifted: boolean;
                        loaded_hash: string;
                        tenant: string;
                    };
                };
            };
        };
    };
    "policy.bundle.rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        activated_at: string;
                        actor: string;
                        hash: string;
                        kind: string;
                        version: number;
                    };
                };
            };
        };
    };
    "policy.simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    draft?: {
                        /** @description a whole new data document */
                        data?: {
                            [key: string]: unknown;
                        };
                        /** @description a JSON merge patch over the parent version’s data */
                        data_patch?: {
                            [key: string]: unknown;
                        };
                        /** @description tenant modules by path (tenant/x.rego); null removes one */
                        modules?: {
                            [key: string]: string | null;
                        };
                    };
                    inputs: unknown[];
                    /** @description the rule to evaluate (default companyos.authz.decision) */
                    path?: string;
                    /** @description a version number, active or base */
                    version?: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bundle_hash: string;
                        path: string;
                        results: {
                            allow?: boolean;
                            reasons?: string[];
                            result: unknown;
                        }[];
                    };
                };
            };
        };
    };
    "policy.bundle.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: {
                            /** Format: date-time */
                            activated_at: string;
                            actor: string;
                            hash: string;
                            kind: string;
                            version: number;
                        } | null;
                        base_hash: string;
                        loaded_hash: string;
                        versions: {
                            author: string;
                            /** Format: date-time */
                            created_at: string;
                            hash: string;
                            message: string;
                            parent_hash: string | null;
                            version: number;
                        }[];
                    };
                };
            };
        };
    };
    "policy.bundle.propose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a whole new data document */
                    data?: {
                        [key: string]: unknown;
                    };
                    /** @description a JSON merge patch over the parent version’s data */
                    data_patch?: {
                        [key: string]: unknown;
                    };
                    message: string;
                    /** @description tenant modules by path (tenant/x.rego); null removes one */
                    modules?: {
                        [key: string]: string | null;
                    };
                    /** @description a version number, active or base */
                    parent?: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tests: {
                            failed: number;
                            passed: number;
                        };
                        version: {
                            author: string;
                            /** Format: date-time */
                            created_at: string;
                            hash: string;
                            message: string;
                            parent_hash: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
    };
    "policy.bundle.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a version number, active or base */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        files: {
                            content: string;
                            path: string;
                        }[];
                        hash: string;
                        version: number | null;
                    };
                };
            };
        };
    };
    "policy.bundle.activate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a version number */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        activated_at: string;
                        actor: string;
                        hash: string;
                        kind: string;
                        version: number;
                    };
                };
            };
        };
    };
    "portal.audit.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        evidence_packs: {
                            counts?: {
                                [key: string]: number;
                            };
                            /** Format: date-time */
                            created_at?: string;
                            /** @description where this viewer downloads the pack */
                            download?: string;
                            export_id?: string;
                            requested_by?: string;
                            sha256?: string;
                            size?: number;
                            status?: string;
                            /** Format: date-time */
                            window_from?: string;
                            /** Format: date-time */
                            window_to?: string;
                        }[];
                        /** @description the fields the presentation policy shows this viewer; the others are withheld */
                        visible_fields: string[];
                    };
                };
            };
        };
    };
    "portal.audit.download": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "portal.billing.get": {
        parameters: {
            query?: {
                /** @description YYYY-MM */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invoices: {
                            currency?: string;
                            invoice_id?: string;
                            number?: string;
                            period?: string;
                            sha256?: string;
                            status?: string;
                            subtotal?: number;
                            tax?: number;
                            total?: number;
                        }[];
                        meter_readings: {
                            /** Format: date */
                            day?: string;
                            events?: number;
                            meter?: string;
                            quantity?: number;
                        }[];
                        /** @description YYYY-MM */
                        month: string;
                        visible_fields: {
                            /** @description the fields the presentation policy shows this viewer; the others are withheld */
                            invoice: string[];
                            /** @description the fields the presentation policy shows this viewer; the others are withheld */
                            meter_reading: string[];
                        };
                    };
                };
            };
        };
    };
    "portal.finance.get": {
        parameters: {
            query?: {
                /** @description as for board packs (default: the current quarter) */
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        finance: {
                            availability?: number | null;
                            /** @description minor units by currency */
                            draft_revenue?: {
                                [key: string]: number;
                            };
                            p95_ms?: number | null;
                            period?: string;
                            requests?: number;
                            /** @description minor units by currency */
                            revenue?: {
                                [key: string]: number;
                            };
                            sla_compliance?: number | null;
                            sla_days_met?: number;
                            sla_days_total?: number;
                        };
                        /** @description the fields the presentation policy shows this viewer; the others are withheld */
                        visible_fields: string[];
                    };
                };
            };
        };
    };
    "portal.invitation.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invitations: {
                            accepted_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            email: string;
                            /** Format: date-time */
                            expires_at: string;
                            /** Format: uuid */
                            invitation_id: string;
                            invited_by: string;
                            legal_basis: string;
                            /** @description the delivery of the invitation mail */
                            mail: {
                                attempts: number;
                                last_error: string | null;
                                sent_at: string | null;
                                /**
                                 * @description not_configured: the server sends no mail; the admin hands the accept link on
                                 * @enum {string}
                                 */
                                state: "queued" | "sent" | "failed" | "cancelled" | "not_configured";
                            };
                            purpose: string;
                            revoked_at: string | null;
                            revoked_by: string | null;
                            /** @enum {string} */
                            role: "auditor" | "partner";
                            /** @enum {string} */
                            status: "pending" | "accepted" | "revoked" | "expired";
                            tenant_id: string;
                        }[];
                    };
                };
            };
        };
    };
    "portal.invitation.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /**
                     * Format: date-time
                     * @description when the viewer's access ends (at most 366 days ahead)
                     */
                    expires_at: string;
                    legal_basis?: string;
                    purpose?: string;
                    /** @enum {string} */
                    role: "auditor" | "partner";
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the portal page that accepts it (the token travels in the fragment) */
                        accept_url: string;
                        invitation: {
                            accepted_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            email: string;
                            /** Format: date-time */
                            expires_at: string;
                            /** Format: uuid */
                            invitation_id: string;
                            invited_by: string;
                            legal_basis: string;
                            /** @description the delivery of the invitation mail */
                            mail: {
                                attempts: number;
                                last_error: string | null;
                                sent_at: string | null;
                                /**
                                 * @description not_configured: the server sends no mail; the admin hands the accept link on
                                 * @enum {string}
                                 */
                                state: "queued" | "sent" | "failed" | "cancelled" | "not_configured";
                            };
                            purpose: string;
                            revoked_at: string | null;
                            revoked_by: string | null;
                            /** @enum {string} */
                            role: "auditor" | "partner";
                            /** @enum {string} */
                            status: "pending" | "accepted" | "revoked" | "expired";
                            tenant_id: string;
                        };
                        /** @description the invitation token, shown once; accepting it signs the viewer in */
                        token: string;
                    };
                };
            };
        };
    };
    "portal.invitation.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invitation: {
                            accepted_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            email: string;
                            /** Format: date-time */
                            expires_at: string;
                            /** Format: uuid */
                            invitation_id: string;
                            invited_by: string;
                            legal_basis: string;
                            /** @description the delivery of the invitation mail */
                            mail: {
                                attempts: number;
                                last_error: string | null;
                                sent_at: string | null;
                                /**
                                 * @description not_configured: the server sends no mail; the admin hands the accept link on
                                 * @enum {string}
                                 */
                                state: "queued" | "sent" | "failed" | "cancelled" | "not_configured";
                            };
                            purpose: string;
                            revoked_at: string | null;
                            revoked_by: string | null;
                            /** @enum {string} */
                            role: "auditor" | "partner";
                            /** @enum {string} */
                            status: "pending" | "accepted" | "revoked" | "expired";
                            tenant_id: string;
                        };
                    };
                };
            };
        };
    };
    "portal.invitation.accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a portal sign-in the viewer already holds, to view this tenant with it too */
                    sign_in?: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expires_at: string;
                        /** @enum {string} */
                        role: "auditor" | "partner";
                        sign_in: string;
                        tenant_id: string;
                    };
                };
            };
        };
    };
    "portal.overview.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        branding: {
                            colors: {
                                background: string;
                                on_primary: string;
                                primary: string;
                                text: string;
                            };
                            logo_url: string | null;
                            product_name: string;
                            tenant_id: string;
                            updated_at: string | null;
                        };
                        overview: {
                            allowed_actions_30d?: number;
                            bundle_hash?: string;
                            bundle_version?: number | null;
                            checkpoint_at?: string | null;
                            checkpoint_key?: string | null;
                            checkpoint_root?: string | null;
                            checkpoint_signature?: "verified" | "failed" | "none";
                            checkpoint_size?: number | null;
                            display_name?: string;
                            evidence_coverage?: number | null;
                            receipts_30d?: number;
                        };
                        /** @description the fields the presentation policy shows this viewer; the others are withheld */
                        visible_fields: string[];
                    };
                };
            };
        };
    };
    "portal.session.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenant_id: string;
                        tenants: {
                            /** Format: date-time */
                            expires_at: string;
                            name: string;
                            /** @enum {string} */
                            role: "auditor" | "partner";
                            tenant_id: string;
                        }[];
                        viewer: {
                            email: string;
                            /** Format: date-time */
                            expires_at: string;
                            legal_basis: string;
                            purpose: string;
                            /** @enum {string} */
                            role: "auditor" | "partner";
                        };
                    };
                };
            };
        };
    };
    "portal.supply_chain.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        artefacts: {
                            build_type?: string;
                            builder?: string;
                            /** @description SHA-256 of the file */
                            digest?: string;
                            name?: string;
                            /** Format: date-time */
                            signed_at?: string;
                            /** @description the DSSE envelope of its in-toto statement (SLSA provenance v1), signed by the platform key */
                            statement?: {
                                payload: string;
                                payloadType: string;
                                signatures: {
                                    keyid: string;
                                    sig: string;
                                }[];
                            };
                            /** @description the signature holds under the platform JWKS and the file still has the digest the statement names */
                            verified?: boolean;
                        }[];
                        /** @description verifies every statement */
                        platform_jwks: {
                            keys: {
                                [key: string]: unknown;
                            }[];
                        };
                        /** @description the fields the presentation policy shows this viewer; the others are withheld */
                        visible_fields: string[];
                    };
                };
            };
        };
    };
    "provenance.checkpoint.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        created_at: string;
                        kid: string;
                        /** @description the C2SP signed checkpoint note */
                        note: string;
                        origin: string;
                        /** @description standard base64 */
                        root_hash: string;
                        size: number;
                    };
                };
            };
        };
    };
    "provenance.consistency.get": {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: number;
                        from_checkpoint: string | null;
                        proof: string[];
                        to: number;
                        to_checkpoint: string;
                    };
                };
            };
        };
    };
    "provenance.evidence.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    content_base64: string;
                    media_type: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: boolean;
                        media_type: string;
                        ref: string;
                        sha256: string;
                        size: number;
                    };
                };
            };
        };
    };
    "provenance.receipt.get": {
        parameters: {
            query?: {
                /** @description add `shown`: who the receipt names, as readers see them (a bundle kept for verification is fetched without it) */
                people?: "shown";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checkpoint: string;
                        /** @enum {string} */
                        format: "companyos.receipt-bundle.v1";
                        inclusion_proof: string[];
                        jwks: {
                            keys: {
                                [key: string]: unknown;
                            }[];
                        };
                        leaf_hash: string;
                        leaf_index: number;
                        receipt: {
                            [key: string]: unknown;
                        };
                        /** @description with people=shown: the people the receipt names as readers see them (the subject id, or [purged] <purge id>); not part of the bundle to verify */
                        shown?: {
                            actor: string;
                            evidence_refs: string[];
                            target: string | null;
                        };
                    };
                };
            };
        };
    };
    "provenance.receipt.disclose": {
        parameters: {
            query?: {
                /** @description e.g. legal_obligation */
                legal_basis?: string;
                /** @description why the receipt is viewed, e.g. audit */
                purpose?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        disclosed: string[];
                        sd_jwt: string;
                    };
                };
            };
        };
    };
    "purge.request.list": {
        parameters: {
            query?: {
                /** @description 1 to 1000, default 100 */
                limit?: string;
                status?: "requested" | "approved" | "done" | "denied" | "cancelled" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requests: {
                            approver_roles: string[];
                            /** Format: date-time */
                            created_at: string;
                            manifest: {
                                /** @description copies a purge cannot reach */
                                beyond_reach?: string[];
                                /** Format: date-time */
                                completed_at: string;
                                deleted: {
                                    keys_sha256: string;
                                    rows: number;
                                    table: string;
                                }[];
                                /** @description append-only records still naming the subject in plain text */
                                not_shreddable?: {
                                    rows: number;
                                    table: string;
                                }[];
                                purge_id: string;
                                retained: string[];
                                /** @description a subject purge: the mutable records that named the subject, now naming its pseudonym, per column */
                                rewritten?: {
                                    column: string;
                                    keys_sha256: string;
                                    rows: number;
                                    table: string;
                                }[];
                                scope: "subject" | "entity" | "tenant";
                                /** @description the data keys destroyed; what was sealed under them reads as [purged] */
                                shredded_keys?: string[];
                                subject: string;
                            } | null;
                            purge_id: string;
                            rationale: string;
                            requester: string;
                            scope: "subject" | "entity" | "tenant";
                            status: "requested" | "approved" | "done" | "denied" | "cancelled" | "failed";
                            subject: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
        };
    };
    "purge.request.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale: string;
                    scope: "subject" | "entity" | "tenant";
                    /** @description the subject id (scope subject), entity id (scope entity) or the id of the tenant asked in (scope tenant) */
                    subject: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        manifest: {
                            /** @description copies a purge cannot reach */
                            beyond_reach?: string[];
                            /** Format: date-time */
                            completed_at: string;
                            deleted: {
                                keys_sha256: string;
                                rows: number;
                                table: string;
                            }[];
                            /** @description append-only records still naming the subject in plain text */
                            not_shreddable?: {
                                rows: number;
                                table: string;
                            }[];
                            purge_id: string;
                            retained: string[];
                            /** @description a subject purge: the mutable records that named the subject, now naming its pseudonym, per column */
                            rewritten?: {
                                column: string;
                                keys_sha256: string;
                                rows: number;
                                table: string;
                            }[];
                            scope: "subject" | "entity" | "tenant";
                            /** @description the data keys destroyed; what was sealed under them reads as [purged] */
                            shredded_keys?: string[];
                            subject: string;
                        } | null;
                        missing_approvals: string[];
                        /** @description roles of a platform tenant's operators the purge also needs, by the server's base policy */
                        platform_approver_roles: string[];
                        purge_id: string;
                        rationale: string;
                        requester: string;
                        scope: "subject" | "entity" | "tenant";
                        status: "requested" | "approved" | "done" | "denied" | "cancelled" | "failed";
                        subject: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "purge.request.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        manifest: {
                            /** @description copies a purge cannot reach */
                            beyond_reach?: string[];
                            /** Format: date-time */
                            completed_at: string;
                            deleted: {
                                keys_sha256: string;
                                rows: number;
                                table: string;
                            }[];
                            /** @description append-only records still naming the subject in plain text */
                            not_shreddable?: {
                                rows: number;
                                table: string;
                            }[];
                            purge_id: string;
                            retained: string[];
                            /** @description a subject purge: the mutable records that named the subject, now naming its pseudonym, per column */
                            rewritten?: {
                                column: string;
                                keys_sha256: string;
                                rows: number;
                                table: string;
                            }[];
                            scope: "subject" | "entity" | "tenant";
                            /** @description the data keys destroyed; what was sealed under them reads as [purged] */
                            shredded_keys?: string[];
                            subject: string;
                        } | null;
                        missing_approvals: string[];
                        /** @description roles of a platform tenant's operators the purge also needs, by the server's base policy */
                        platform_approver_roles: string[];
                        purge_id: string;
                        rationale: string;
                        requester: string;
                        scope: "subject" | "entity" | "tenant";
                        status: "requested" | "approved" | "done" | "denied" | "cancelled" | "failed";
                        subject: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "purge.request.approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        manifest: {
                            /** @description copies a purge cannot reach */
                            beyond_reach?: string[];
                            /** Format: date-time */
                            completed_at: string;
                            deleted: {
                                keys_sha256: string;
                                rows: number;
                                table: string;
                            }[];
                            /** @description append-only records still naming the subject in plain text */
                            not_shreddable?: {
                                rows: number;
                                table: string;
                            }[];
                            purge_id: string;
                            retained: string[];
                            /** @description a subject purge: the mutable records that named the subject, now naming its pseudonym, per column */
                            rewritten?: {
                                column: string;
                                keys_sha256: string;
                                rows: number;
                                table: string;
                            }[];
                            scope: "subject" | "entity" | "tenant";
                            /** @description the data keys destroyed; what was sealed under them reads as [purged] */
                            shredded_keys?: string[];
                            subject: string;
                        } | null;
                        missing_approvals: string[];
                        /** @description roles of a platform tenant's operators the purge also needs, by the server's base policy */
                        platform_approver_roles: string[];
                        purge_id: string;
                        rationale: string;
                        requester: string;
                        scope: "subject" | "entity" | "tenant";
                        status: "requested" | "approved" | "done" | "denied" | "cancelled" | "failed";
                        subject: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "purge.request.cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale?: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        manifest: {
                            /** @description copies a purge cannot reach */
                            beyond_reach?: string[];
                            /** Format: date-time */
                            completed_at: string;
                            deleted: {
                                keys_sha256: string;
                                rows: number;
                                table: string;
                            }[];
                            /** @description append-only records still naming the subject in plain text */
                            not_shreddable?: {
                                rows: number;
                                table: string;
                            }[];
                            purge_id: string;
                            retained: string[];
                            /** @description a subject purge: the mutable records that named the subject, now naming its pseudonym, per column */
                            rewritten?: {
                                column: string;
                                keys_sha256: string;
                                rows: number;
                                table: string;
                            }[];
                            scope: "subject" | "entity" | "tenant";
                            /** @description the data keys destroyed; what was sealed under them reads as [purged] */
                            shredded_keys?: string[];
                            subject: string;
                        } | null;
                        missing_approvals: string[];
                        /** @description roles of a platform tenant's operators the purge also needs, by the server's base policy */
                        platform_approver_roles: string[];
                        purge_id: string;
                        rationale: string;
                        requester: string;
                        scope: "subject" | "entity" | "tenant";
                        status: "requested" | "approved" | "done" | "denied" | "cancelled" | "failed";
                        subject: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "purge.request.deny": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        manifest: {
                            /** @description copies a purge cannot reach */
                            beyond_reach?: string[];
                            /** Format: date-time */
                            completed_at: string;
                            deleted: {
                                keys_sha256: string;
                                rows: number;
                                table: string;
                            }[];
                            /** @description append-only records still naming the subject in plain text */
                            not_shreddable?: {
                                rows: number;
                                table: string;
                            }[];
                            purge_id: string;
                            retained: string[];
                            /** @description a subject purge: the mutable records that named the subject, now naming its pseudonym, per column */
                            rewritten?: {
                                column: string;
                                keys_sha256: string;
                                rows: number;
                                table: string;
                            }[];
                            scope: "subject" | "entity" | "tenant";
                            /** @description the data keys destroyed; what was sealed under them reads as [purged] */
                            shredded_keys?: string[];
                            subject: string;
                        } | null;
                        missing_approvals: string[];
                        /** @description roles of a platform tenant's operators the purge also needs, by the server's base policy */
                        platform_approver_roles: string[];
                        purge_id: string;
                        rationale: string;
                        requester: string;
                        scope: "subject" | "entity" | "tenant";
                        status: "requested" | "approved" | "done" | "denied" | "cancelled" | "failed";
                        subject: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "graph.relationship.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description an entity id: a UUID for entities made here, `subject:<id>` and the like for mirrored domain objects */
                    from: string;
                    /** @description checked against the JSON Schema of the type */
                    properties?: {
                        [key: string]: unknown;
                    };
                    /** @description an entity id: a UUID for entities made here, `subject:<id>` and the like for mirrored domain objects */
                    to: string;
                    type: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        created_at: string;
                        from_id: string;
                        properties: {
                            [key: string]: unknown;
                        };
                        relationship_id: string;
                        source: string;
                        to_id: string;
                        type: string;
                    };
                };
            };
        };
    };
    "graph.relationship.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: {
                            /** Format: date-time */
                            created_at: string;
                            from_id: string;
                            properties: {
                                [key: string]: unknown;
                            };
                            relationship_id: string;
                            source: string;
                            to_id: string;
                            type: string;
                        };
                    };
                };
            };
        };
    };
    "revops.dashboard.get": {
        parameters: {
            query?: {
                /** @description default: 30 days before `to` */
                from?: string;
                /** @description default: week */
                period?: "day" | "week" | "month";
                /** @description default: now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approval_time_s: {
                            average: number | null;
                            count: number;
                            p95: number | null;
                        };
                        approvals_by_approver: {
                            approvals: number;
                            approver: string;
                            rejections: number;
                        }[];
                        approvals_needed: {
                            needing_approval: number;
                            share: number | null;
                            submitted: number;
                        };
                        deals: {
                            contracts: number;
                            opportunities: number;
                            /** Format: date-time */
                            period: string;
                        }[];
                        leads_by_team: {
                            leads: number;
                            team: string;
                        }[];
                        window: {
                            /** Format: date-time */
                            from: string;
                            period: string;
                            /** Format: date-time */
                            to: string;
                        };
                    };
                };
            };
        };
    };
    "revops.lead.list": {
        parameters: {
            query?: {
                /** @description next_before of the page before */
                before?: string;
                /** @description 1 to 1000, default 100 */
                limit?: string;
                owner?: string;
                segment?: "smb" | "mid_market" | "enterprise";
                status?: "routed" | "promoted";
                team?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        leads: {
                            company: string;
                            contact: {
                                email: string;
                                name: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency: string;
                            estimated_value_minor: number;
                            lead_id: string;
                            opportunity_id: string | null;
                            owner: string;
                            region: string;
                            rule_id: string;
                            segment: string;
                            status: string;
                            team: string;
                        }[];
                        /** @description pass as before for the next (older) page; null on the last page */
                        next_before: string | null;
                    };
                };
            };
        };
    };
    "revops.lead.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    company: string;
                    contact: {
                        email: string;
                        name: string;
                    };
                    /** @description ISO 4217 code; every amount of the record is in its minor units */
                    currency: string;
                    /** @description integer minor units (cents for EUR) */
                    estimated_value_minor: number;
                    /** @description a sales region code, e.g. eu, us, apac */
                    region: string;
                    /** @enum {string} */
                    segment: "smb" | "mid_market" | "enterprise";
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lead: {
                            company: string;
                            contact: {
                                email: string;
                                name: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency: string;
                            estimated_value_minor: number;
                            lead_id: string;
                            opportunity_id: string | null;
                            owner: string;
                            region: string;
                            rule_id: string;
                            segment: string;
                            status: string;
                            team: string;
                        };
                        opportunity: {
                            amount_minor: number;
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            lead_id: string;
                            name: string;
                            opportunity_id: string;
                            owner: string;
                            region: string;
                            segment: string;
                            stage: string;
                            team: string;
                            /** Format: date-time */
                            updated_at: string;
                        } | null;
                    };
                };
            };
        };
    };
    "revops.opportunity.list": {
        parameters: {
            query?: {
                /** @description next_before of the page before */
                before?: string;
                /** @description 1 to 1000, default 100 */
                limit?: string;
                owner?: string;
                stage?: "open" | "won" | "lost";
                team?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description pass as before for the next (older) page; null on the last page */
                        next_before: string | null;
                        opportunities: {
                            amount_minor: number;
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            lead_id: string;
                            name: string;
                            opportunity_id: string;
                            owner: string;
                            region: string;
                            segment: string;
                            stage: string;
                            team: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
        };
    };
    "revops.opportunity.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amount_minor: number;
                        contracts: {
                            amount_minor: number;
                            contract_id: string;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency: string;
                            /** Format: date */
                            effective_date: string;
                            opportunity_id: string;
                            quote_id: string;
                            quote_version: number;
                            term_months: number;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        currency: string;
                        history: {
                            [key: string]: unknown;
                        }[];
                        lead: {
                            company: string;
                            contact: {
                                email: string;
                                name: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency: string;
                            estimated_value_minor: number;
                            lead_id: string;
                            opportunity_id: string | null;
                            owner: string;
                            region: string;
                            rule_id: string;
                            segment: string;
                            status: string;
                            team: string;
                        };
                        lead_id: string;
                        name: string;
                        opportunity_id: string;
                        owner: string;
                        quotes: {
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            discount_bp: number;
                            discount_minor: number;
                            lines: {
                                amount_minor: number;
                                product: string;
                                quantity: number;
                                unit_price_minor: number;
                            }[];
                            opportunity_id: string;
                            owner: string;
                            quote_id: string;
                            required_roles: string[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "approved" | "active" | "rejected" | "cancelled" | "expired";
                            subtotal_minor: number;
                            terms: {
                                payment_terms: string;
                                term_months: number;
                                valid_days: number;
                            };
                            total_minor: number;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            valid_until: string;
                            version: number;
                        }[];
                        region: string;
                        segment: string;
                        stage: string;
                        team: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "revops.policy.impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a version number, active or base */
                    from?: string;
                    /** @description a version number, active or base */
                    to: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: {
                            hash: string;
                            version: number | null;
                        };
                        quotes: {
                            currency: string;
                            discount_bp: number;
                            from: {
                                required_approvals: string[];
                                self_approved: boolean;
                            };
                            owner: string;
                            quote_id: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "approved" | "active" | "rejected" | "cancelled" | "expired";
                            to: {
                                required_approvals: string[];
                                self_approved: boolean;
                            };
                            total_minor: number;
                        }[];
                        to: {
                            hash: string;
                            version: number | null;
                        };
                    };
                };
            };
        };
    };
    "revops.quote.list": {
        parameters: {
            query?: {
                /** @description next_before of the page before */
                before?: string;
                /** @description 1 to 1000, default 100 */
                limit?: string;
                opportunity_id?: string;
                owner?: string;
                status?: "draft" | "submitted" | "approved" | "active" | "rejected" | "cancelled" | "expired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description pass as before for the next (older) page; null on the last page */
                        next_before: string | null;
                        quotes: {
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            discount_bp: number;
                            discount_minor: number;
                            lines: {
                                amount_minor: number;
                                product: string;
                                quantity: number;
                                unit_price_minor: number;
                            }[];
                            opportunity_id: string;
                            owner: string;
                            quote_id: string;
                            required_roles: string[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "approved" | "active" | "rejected" | "cancelled" | "expired";
                            subtotal_minor: number;
                            terms: {
                                payment_terms: string;
                                term_months: number;
                                valid_days: number;
                            };
                            total_minor: number;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            valid_until: string;
                            version: number;
                        }[];
                    };
                };
            };
        };
    };
    "revops.quote.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description ISO 4217 code; every amount of the record is in its minor units */
                    currency: string;
                    /** @description discount in basis points: 3000 is 30% */
                    discount_bp: number;
                    lines: {
                        product: string;
                        quantity: number;
                        /** @description list price per unit, integer minor units */
                        unit_price_minor: number;
                    }[];
                    /** Format: uuid */
                    opportunity_id: string;
                    terms: {
                        /** @description e.g. net_30 */
                        payment_terms: string;
                        term_months: number;
                        /** @description the quote expires this many days after its last version */
                        valid_days: number;
                    };
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the steps the caller may take on the quote now, as the policy and the deal desk rules decide */
                        allowed_actions: ("update" | "submit" | "approve" | "reject" | "activate" | "cancel")[];
                        contract: {
                            amount_minor: number;
                            contract_id: string;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency: string;
                            /** Format: date */
                            effective_date: string;
                            opportunity_id: string;
                            quote_id: string;
                            quote_version: number;
                            term_months: number;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        currency: string;
                        discount_bp: number;
                        discount_minor: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        lines: {
                            amount_minor: number;
                            product: string;
                            quantity: number;
                            unit_price_minor: number;
                        }[];
                        missing_approvals: {
                            candidates: string[];
                            role: string;
                        }[];
                        opportunity_id: string;
                        owner: string;
                        quote_id: string;
                        required_roles: string[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "approved" | "active" | "rejected" | "cancelled" | "expired";
                        subtotal_minor: number;
                        terms: {
                            payment_terms: string;
                            term_months: number;
                            valid_days: number;
                        };
                        terms_sha256: string;
                        total_minor: number;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        valid_until: string;
                        version: number;
                    };
                };
            };
        };
    };
    "revops.quote.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the steps the caller may take on the quote now, as the policy and the deal desk rules decide */
                        allowed_actions: ("update" | "submit" | "approve" | "reject" | "activate" | "cancel")[];
                        contract: {
                            amount_minor: number;
                            contract_id: string;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency: string;
                            /** Format: date */
                            effective_date: string;
                            opportunity_id: string;
                            quote_id: string;
                            quote_version: number;
                            term_months: number;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        currency: string;
                        discount_bp: number;
                        discount_minor: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        lines: {
                            amount_minor: number;
                            product: string;
                            quantity: number;
                            unit_price_minor: number;
                        }[];
                        missing_approvals: {
                            candidates: string[];
                            role: string;
                        }[];
                        opportunity_id: string;
                        owner: string;
                        quote_id: string;
                        required_roles: string[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "approved" | "active" | "rejected" | "cancelled" | "expired";
                        subtotal_minor: number;
                        terms: {
                            payment_terms: string;
                            term_months: number;
                            valid_days: number;
                        };
                        terms_sha256: string;
                        total_minor: number;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        valid_until: string;
                        version: number;
                    };
                };
            };
        };
    };
    "revops.quote.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description discount in basis points: 3000 is 30% */
                    discount_bp?: number;
                    lines?: {
                        product: string;
                        quantity: number;
                        /** @description list price per unit, integer minor units */
                        unit_price_minor: number;
                    }[];
                    rationale?: string;
                    terms?: {
                        /** @description e.g. net_30 */
                        payment_terms: string;
                        term_months: number;
                        /** @description the quote expires this many days after its last version */
                        valid_days: number;
                    };
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the steps the caller may take on the quote now, as the policy and the deal desk rules decide */
                        allowed_actions: ("update" | "submit" | "approve" | "reject" | "activate" | "cancel")[];
                        contract: {
                            amount_minor: number;
                            contract_id: string;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency: string;
                            /** Format: date */
                            effective_date: string;
                            opportunity_id: string;
                            quote_id: string;
                            quote_version: number;
                            term_months: number;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        currency: string;
                        discount_bp: number;
                        discount_minor: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        lines: {
                            amount_minor: number;
                            product: string;
                            quantity: number;
                            unit_price_minor: number;
                        }[];
                        missing_approvals: {
                            candidates: string[];
                            role: string;
                        }[];
                        opportunity_id: string;
                        owner: string;
                        quote_id: string;
                        required_roles: string[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "approved" | "active" | "rejected" | "cancelled" | "expired";
                        subtotal_minor: number;
                        terms: {
                            payment_terms: string;
                            term_months: number;
                            valid_days: number;
                        };
                        terms_sha256: string;
                        total_minor: number;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        valid_until: string;
                        version: number;
                    };
                };
            };
        };
    };
    "revops.quote.activate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description YYYY-MM-DD, default: today (UTC)
                     */
                    effective_date?: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the steps the caller may take on the quote now, as the policy and the deal desk rules decide */
                        allowed_actions: ("update" | "submit" | "approve" | "reject" | "activate" | "cancel")[];
                        contract: {
                            amount_minor: number;
                            contract_id: string;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency: string;
                            /** Format: date */
                            effective_date: string;
                            opportunity_id: string;
                            quote_id: string;
                            quote_version: number;
                            term_months: number;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        currency: string;
                        discount_bp: number;
                        discount_minor: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        lines: {
                            amount_minor: number;
                            product: string;
                            quantity: number;
                            unit_price_minor: number;
                        }[];
                        missing_approvals: {
                            candidates: string[];
                            role: string;
                        }[];
                        opportunity_id: string;
                        owner: string;
                        quote_id: string;
                        required_roles: string[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "approved" | "active" | "rejected" | "cancelled" | "expired";
                        subtotal_minor: number;
                        terms: {
                            payment_terms: string;
                            term_months: number;
                            valid_days: number;
                        };
                        terms_sha256: string;
                        total_minor: number;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        valid_until: string;
                        version: number;
                    };
                };
            };
        };
    };
    "revops.quote.approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the steps the caller may take on the quote now, as the policy and the deal desk rules decide */
                        allowed_actions: ("update" | "submit" | "approve" | "reject" | "activate" | "cancel")[];
                        contract: {
                            amount_minor: number;
                            contract_id: string;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency: string;
                            /** Format: date */
                            effective_date: string;
                            opportunity_id: string;
                            quote_id: string;
                            quote_version: number;
                            term_months: number;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        currency: string;
                        discount_bp: number;
                        discount_minor: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        lines: {
                            amount_minor: number;
                            product: string;
                            quantity: number;
                            unit_price_minor: number;
                        }[];
                        missing_approvals: {
                            candidates: string[];
                            role: string;
                        }[];
                        opportunity_id: string;
                        owner: string;
                        quote_id: string;
                        required_roles: string[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "approved" | "active" | "rejected" | "cancelled" | "expired";
                        subtotal_minor: number;
                        terms: {
                            payment_terms: string;
                            term_months: number;
                            valid_days: number;
                        };
                        terms_sha256: string;
                        total_minor: number;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        valid_until: string;
                        version: number;
                    };
                };
            };
        };
    };
    "revops.quote.cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale?: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the steps the caller may take on the quote now, as the policy and the deal desk rules decide */
                        allowed_actions: ("update" | "submit" | "approve" | "reject" | "activate" | "cancel")[];
                        contract: {
                            amount_minor: number;
                            contract_id: string;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency: string;
                            /** Format: date */
                            effective_date: string;
                            opportunity_id: string;
                            quote_id: string;
                            quote_version: number;
                            term_months: number;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        currency: string;
                        discount_bp: number;
                        discount_minor: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        lines: {
                            amount_minor: number;
                            product: string;
                            quantity: number;
                            unit_price_minor: number;
                        }[];
                        missing_approvals: {
                            candidates: string[];
                            role: string;
                        }[];
                        opportunity_id: string;
                        owner: string;
                        quote_id: string;
                        required_roles: string[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "approved" | "active" | "rejected" | "cancelled" | "expired";
                        subtotal_minor: number;
                        terms: {
                            payment_terms: string;
                            term_months: number;
                            valid_days: number;
                        };
                        terms_sha256: string;
                        total_minor: number;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        valid_until: string;
                        version: number;
                    };
                };
            };
        };
    };
    "revops.quote.reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the steps the caller may take on the quote now, as the policy and the deal desk rules decide */
                        allowed_actions: ("update" | "submit" | "approve" | "reject" | "activate" | "cancel")[];
                        contract: {
                            amount_minor: number;
                            contract_id: string;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency: string;
                            /** Format: date */
                            effective_date: string;
                            opportunity_id: string;
                            quote_id: string;
                            quote_version: number;
                            term_months: number;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        currency: string;
                        discount_bp: number;
                        discount_minor: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        lines: {
                            amount_minor: number;
                            product: string;
                            quantity: number;
                            unit_price_minor: number;
                        }[];
                        missing_approvals: {
                            candidates: string[];
                            role: string;
                        }[];
                        opportunity_id: string;
                        owner: string;
                        quote_id: string;
                        required_roles: string[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "approved" | "active" | "rejected" | "cancelled" | "expired";
                        subtotal_minor: number;
                        terms: {
                            payment_terms: string;
                            term_months: number;
                            valid_days: number;
                        };
                        terms_sha256: string;
                        total_minor: number;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        valid_until: string;
                        version: number;
                    };
                };
            };
        };
    };
    "revops.quote.submit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the steps the caller may take on the quote now, as the policy and the deal desk rules decide */
                        allowed_actions: ("update" | "submit" | "approve" | "reject" | "activate" | "cancel")[];
                        contract: {
                            amount_minor: number;
                            contract_id: string;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency: string;
                            /** Format: date */
                            effective_date: string;
                            opportunity_id: string;
                            quote_id: string;
                            quote_version: number;
                            term_months: number;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        currency: string;
                        discount_bp: number;
                        discount_minor: number;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        lines: {
                            amount_minor: number;
                            product: string;
                            quantity: number;
                            unit_price_minor: number;
                        }[];
                        missing_approvals: {
                            candidates: string[];
                            role: string;
                        }[];
                        opportunity_id: string;
                        owner: string;
                        quote_id: string;
                        required_roles: string[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "approved" | "active" | "rejected" | "cancelled" | "expired";
                        subtotal_minor: number;
                        terms: {
                            payment_terms: string;
                            term_months: number;
                            valid_days: number;
                        };
                        terms_sha256: string;
                        total_minor: number;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        valid_until: string;
                        version: number;
                    };
                };
            };
        };
    };
    "revops.routing.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rules: {
                            members: {
                                subject_id: string;
                                weight: number;
                            }[];
                            priority: number;
                            region: string | null;
                            rule_id: string;
                            segment: string | null;
                            strategy: string;
                            team: string;
                        }[];
                    };
                };
            };
        };
    };
    "revops.routing.set": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ruleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    members: {
                        subject_id: string;
                        weight: number;
                    }[];
                    priority: number;
                    region: string | null;
                    segment: ("smb" | "mid_market" | "enterprise") | null;
                    /** @enum {string} */
                    strategy: "round_robin" | "weighted";
                    team: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: {
                            subject_id: string;
                            weight: number;
                        }[];
                        priority: number;
                        region: string | null;
                        rule_id: string;
                        segment: string | null;
                        strategy: string;
                        team: string;
                    };
                };
            };
        };
    };
    "runbook.list": {
        parameters: {
            query?: {
                /** @description lower-case letters, digits and dashes, up to 63 */
                after?: string;
                /** @description 1 to 1000, default 100 */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        next_after: string | null;
                        runbooks: {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            current_version: number;
                            slug: string;
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            updated_by: string;
                        }[];
                    };
                };
            };
        };
    };
    "runbook.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case letters, digits and dashes, up to 63 */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        author: string;
                        body: string;
                        console_path: string;
                        /** Format: date-time */
                        created_at: string;
                        current_version: number;
                        message: string | null;
                        slug: string;
                        title: string;
                        version: number;
                    };
                };
            };
        };
    };
    "runbook.save": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case letters, digits and dashes, up to 63 */
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the version the edit started from; 0 for a new runbook */
                    base_version?: number;
                    /** @description Markdown */
                    body: string;
                    /** @description what changed */
                    message?: string;
                    title: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        author: string;
                        body: string;
                        /** Format: date-time */
                        created_at: string;
                        message: string | null;
                        slug: string;
                        title: string;
                        version: number;
                    };
                };
            };
        };
    };
    "runbook.versions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case letters, digits and dashes, up to 63 */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        versions: {
                            author: string;
                            /** Format: date-time */
                            created_at: string;
                            message: string | null;
                            slug: string;
                            title: string;
                            version: number;
                        }[];
                    };
                };
            };
        };
    };
    "runbook.version.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case letters, digits and dashes, up to 63 */
                slug: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        author: string;
                        body: string;
                        /** Format: date-time */
                        created_at: string;
                        message: string | null;
                        slug: string;
                        title: string;
                        version: number;
                    };
                };
            };
        };
    };
    "subject.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subjects: {
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            created_at: string;
                            display_name: string;
                            roles: string[];
                            /** @enum {string} */
                            status: "active" | "disabled";
                            subject_id: string;
                            tenant_id: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
        };
    };
    "subject.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    attributes?: {
                        country?: string;
                        department?: string;
                        /** @enum {string} */
                        employment_type?: "employee" | "contractor" | "intern";
                        region?: string;
                    };
                    display_name: string;
                    roles: string[];
                    subject_id: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        created_at: string;
                        display_name: string;
                        roles: string[];
                        /** @enum {string} */
                        status: "active" | "disabled";
                        subject_id: string;
                        tenant_id: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "subject.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        created_at: string;
                        display_name: string;
                        roles: string[];
                        /** @enum {string} */
                        status: "active" | "disabled";
                        subject_id: string;
                        tenant_id: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "subject.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    attributes?: {
                        country?: string;
                        department?: string;
                        /** @enum {string} */
                        employment_type?: "employee" | "contractor" | "intern";
                        region?: string;
                    };
                    display_name?: string;
                    roles?: string[];
                    /** @enum {string} */
                    status?: "active" | "disabled";
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        created_at: string;
                        display_name: string;
                        roles: string[];
                        /** @enum {string} */
                        status: "active" | "disabled";
                        subject_id: string;
                        tenant_id: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "tenant.list": {
        parameters: {
            query?: {
                /** @description next_after of the page before */
                after?: string;
                /** @description 1 to 1000, default 100 */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description pass as after for the next page; null on the last page */
                        next_after: string | null;
                        tenants: {
                            config: {
                                allowed_regions?: ("eu" | "us" | "uk" | "apac")[];
                                branding: {
                                    /** Format: uri */
                                    logo_url?: string;
                                    primary_color?: string;
                                    product_name?: string;
                                };
                                data_classes: ("public" | "internal" | "confidential" | "restricted")[];
                                /** @enum {string} */
                                data_region: "eu" | "us" | "uk" | "apac";
                                display_name: string;
                                /** @enum {string} */
                                env: "dev" | "staging" | "prod";
                                feature_flags: {
                                    [key: string]: boolean;
                                };
                                limits: {
                                    max_exports_per_day: number;
                                    max_runs_per_hour: number;
                                };
                                /** Format: email */
                                owner_contact: string;
                                policy_bundle_ref: string;
                                /** @enum {string} */
                                redaction_preset: "strict" | "standard";
                                retention?: {
                                    /** @description days a disabled subject is kept before it is purged */
                                    former_subjects?: number;
                                };
                                /** @description lower-case slug */
                                tenant_id: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            /** @description boolean flags on for the tenant itself (no subject) */
                            enabled_flags: string[];
                            policy_bundle: {
                                hash: string;
                                tags: string[];
                                /** @description null: the server base bundle */
                                version: number | null;
                            };
                            /** @enum {string} */
                            status: "active" | "disabled" | "purged";
                            tenant_id: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
        };
    };
    "tenant.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    admin?: {
                        attributes?: {
                            country?: string;
                            department?: string;
                            /** @enum {string} */
                            employment_type?: "employee" | "contractor" | "intern";
                            region?: string;
                        };
                        display_name: string;
                        subject_id: string;
                    };
                    /** @enum {string} */
                    data_region: "eu" | "us" | "uk" | "apac";
                    display_name: string;
                    /** @enum {string} */
                    env?: "dev" | "staging" | "prod";
                    /** Format: email */
                    owner_contact: string;
                    /** @description lower-case slug */
                    tenant_id: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        config: {
                            allowed_regions?: ("eu" | "us" | "uk" | "apac")[];
                            branding: {
                                /** Format: uri */
                                logo_url?: string;
                                primary_color?: string;
                                product_name?: string;
                            };
                            data_classes: ("public" | "internal" | "confidential" | "restricted")[];
                            /** @enum {string} */
                            data_region: "eu" | "us" | "uk" | "apac";
                            display_name: string;
                            /** @enum {string} */
                            env: "dev" | "staging" | "prod";
                            feature_flags: {
                                [key: string]: boolean;
                            };
                            limits: {
                                max_exports_per_day: number;
                                max_runs_per_hour: number;
                            };
                            /** Format: email */
                            owner_contact: string;
                            policy_bundle_ref: string;
                            /** @enum {string} */
                            redaction_preset: "strict" | "standard";
                            retention?: {
                                /** @description days a disabled subject is kept before it is purged */
                                former_subjects?: number;
                            };
                            /** @description lower-case slug */
                            tenant_id: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** @enum {string} */
                        status: "active" | "disabled" | "purged";
                        tenant_id: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "tenant.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        config: {
                            allowed_regions?: ("eu" | "us" | "uk" | "apac")[];
                            branding: {
                                /** Format: uri */
                                logo_url?: string;
                                primary_color?: string;
                                product_name?: string;
                            };
                            data_classes: ("public" | "internal" | "confidential" | "restricted")[];
                            /** @enum {string} */
                            data_region: "eu" | "us" | "uk" | "apac";
                            display_name: string;
                            /** @enum {string} */
                            env: "dev" | "staging" | "prod";
                            feature_flags: {
                                [key: string]: boolean;
                            };
                            limits: {
                                max_exports_per_day: number;
                                max_runs_per_hour: number;
                            };
                            /** Format: email */
                            owner_contact: string;
                            policy_bundle_ref: string;
                            /** @enum {string} */
                            redaction_preset: "strict" | "standard";
                            retention?: {
                                /** @description days a disabled subject is kept before it is purged */
                                former_subjects?: number;
                            };
                            /** @description lower-case slug */
                            tenant_id: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** @enum {string} */
                        status: "active" | "disabled" | "purged";
                        tenant_id: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "branding.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    colors: {
                        background: string;
                        on_primary: string;
                        primary: string;
                        text: string;
                    };
                    logo_url?: string | null;
                    product_name: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        colors: {
                            background: string;
                            on_primary: string;
                            primary: string;
                            text: string;
                        };
                        logo_url: string | null;
                        product_name: string;
                        tenant_id: string;
                        updated_at: string | null;
                    };
                };
            };
        };
    };
    "branding.logo.upload": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    content_type: "image/png" | "image/jpeg" | "image/webp";
                    data_base64: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        colors: {
                            background: string;
                            on_primary: string;
                            primary: string;
                            text: string;
                        };
                        logo_url: string | null;
                        product_name: string;
                        tenant_id: string;
                        updated_at: string | null;
                    };
                };
            };
        };
    };
    "tenant.config.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allowed_regions?: ("eu" | "us" | "uk" | "apac")[];
                        branding: {
                            /** Format: uri */
                            logo_url?: string;
                            primary_color?: string;
                            product_name?: string;
                        };
                        data_classes: ("public" | "internal" | "confidential" | "restricted")[];
                        /** @enum {string} */
                        data_region: "eu" | "us" | "uk" | "apac";
                        display_name: string;
                        /** @enum {string} */
                        env: "dev" | "staging" | "prod";
                        feature_flags: {
                            [key: string]: boolean;
                        };
                        limits: {
                            max_exports_per_day: number;
                            max_runs_per_hour: number;
                        };
                        /** Format: email */
                        owner_contact: string;
                        policy_bundle_ref: string;
                        /** @enum {string} */
                        redaction_preset: "strict" | "standard";
                        retention?: {
                            /** @description days a disabled subject is kept before it is purged */
                            former_subjects?: number;
                        };
                        /** @description lower-case slug */
                        tenant_id: string;
                    };
                };
            };
        };
    };
    "tenant.config.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allowed_regions?: ("eu" | "us" | "uk" | "apac")[];
                    branding?: {
                        /** Format: uri */
                        logo_url?: string;
                        primary_color?: string;
                        product_name?: string;
                    };
                    data_classes?: ("public" | "internal" | "confidential" | "restricted")[];
                    /** @enum {string} */
                    data_region?: "eu" | "us" | "uk" | "apac";
                    display_name?: string;
                    /** @enum {string} */
                    env?: "dev" | "staging" | "prod";
                    feature_flags?: {
                        [key: string]: boolean;
                    };
                    limits?: {
                        max_exports_per_day: number;
                        max_runs_per_hour: number;
                    };
                    /** Format: email */
                    owner_contact?: string;
                    policy_bundle_ref?: string;
                    /** @enum {string} */
                    redaction_preset?: "strict" | "standard";
                    retention?: {
                        /** @description days a disabled subject is kept before it is purged */
                        former_subjects?: number;
                    };
                    /** @description lower-case slug */
                    tenant_id?: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allowed_regions?: ("eu" | "us" | "uk" | "apac")[];
                        branding: {
                            /** Format: uri */
                            logo_url?: string;
                            primary_color?: string;
                            product_name?: string;
                        };
                        data_classes: ("public" | "internal" | "confidential" | "restricted")[];
                        /** @enum {string} */
                        data_region: "eu" | "us" | "uk" | "apac";
                        display_name: string;
                        /** @enum {string} */
                        env: "dev" | "staging" | "prod";
                        feature_flags: {
                            [key: string]: boolean;
                        };
                        limits: {
                            max_exports_per_day: number;
                            max_runs_per_hour: number;
                        };
                        /** Format: email */
                        owner_contact: string;
                        policy_bundle_ref: string;
                        /** @enum {string} */
                        redaction_preset: "strict" | "standard";
                        retention?: {
                            /** @description days a disabled subject is kept before it is purged */
                            former_subjects?: number;
                        };
                        /** @description lower-case slug */
                        tenant_id: string;
                    };
                };
            };
        };
    };
    "tenant.disable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        config: {
                            allowed_regions?: ("eu" | "us" | "uk" | "apac")[];
                            branding: {
                                /** Format: uri */
                                logo_url?: string;
                                primary_color?: string;
                                product_name?: string;
                            };
                            data_classes: ("public" | "internal" | "confidential" | "restricted")[];
                            /** @enum {string} */
                            data_region: "eu" | "us" | "uk" | "apac";
                            display_name: string;
                            /** @enum {string} */
                            env: "dev" | "staging" | "prod";
                            feature_flags: {
                                [key: string]: boolean;
                            };
                            limits: {
                                max_exports_per_day: number;
                                max_runs_per_hour: number;
                            };
                            /** Format: email */
                            owner_contact: string;
                            policy_bundle_ref: string;
                            /** @enum {string} */
                            redaction_preset: "strict" | "standard";
                            retention?: {
                                /** @description days a disabled subject is kept before it is purged */
                                former_subjects?: number;
                            };
                            /** @description lower-case slug */
                            tenant_id: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** @enum {string} */
                        status: "active" | "disabled" | "purged";
                        tenant_id: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "tenant.enable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        config: {
                            allowed_regions?: ("eu" | "us" | "uk" | "apac")[];
                            branding: {
                                /** Format: uri */
                                logo_url?: string;
                                primary_color?: string;
                                product_name?: string;
                            };
                            data_classes: ("public" | "internal" | "confidential" | "restricted")[];
                            /** @enum {string} */
                            data_region: "eu" | "us" | "uk" | "apac";
                            display_name: string;
                            /** @enum {string} */
                            env: "dev" | "staging" | "prod";
                            feature_flags: {
                                [key: string]: boolean;
                            };
                            limits: {
                                max_exports_per_day: number;
                                max_runs_per_hour: number;
                            };
                            /** Format: email */
                            owner_contact: string;
                            policy_bundle_ref: string;
                            /** @enum {string} */
                            redaction_preset: "strict" | "standard";
                            retention?: {
                                /** @description days a disabled subject is kept before it is purged */
                                former_subjects?: number;
                            };
                            /** @description lower-case slug */
                            tenant_id: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** @enum {string} */
                        status: "active" | "disabled" | "purged";
                        tenant_id: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "tenant.keys.rotate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kid: string;
                        retired: string[];
                    };
                };
            };
        };
    };
    "tenant.kit.export": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jwks: {
                            keys: {
                                [key: string]: unknown;
                            }[];
                        };
                        kit: {
                            payload: string;
                            payloadType: string;
                            signatures: {
                                keyid: string;
                                sig: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    "tenant.kit.import": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    dry_run?: boolean;
                    jwks: {
                        keys: unknown[];
                    };
                    kit: {
                        payload: string;
                        payloadType: string;
                        signatures: {
                            keyid: string;
                            sig: string;
                        }[];
                    };
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        applied: string[];
                        dry_run: boolean;
                        refused: {
                            item: string;
                            reason: string;
                        }[];
                        signed_by: string;
                        source_tenant: string;
                        unchanged: string[];
                    };
                };
            };
        };
    };
    "tenant.overview": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description newest first, up to 20 */
                        activations: {
                            /** Format: date-time */
                            activated_at: string;
                            actor: string;
                            hash: string;
                            /** @enum {string} */
                            kind: "activate" | "rollback";
                            version: number;
                        }[];
                        config: {
                            allowed_regions?: ("eu" | "us" | "uk" | "apac")[];
                            branding: {
                                /** Format: uri */
                                logo_url?: string;
                                primary_color?: string;
                                product_name?: string;
                            };
                            data_classes: ("public" | "internal" | "confidential" | "restricted")[];
                            /** @enum {string} */
                            data_region: "eu" | "us" | "uk" | "apac";
                            display_name: string;
                            /** @enum {string} */
                            env: "dev" | "staging" | "prod";
                            feature_flags: {
                                [key: string]: boolean;
                            };
                            limits: {
                                max_exports_per_day: number;
                                max_runs_per_hour: number;
                            };
                            /** Format: email */
                            owner_contact: string;
                            policy_bundle_ref: string;
                            /** @enum {string} */
                            redaction_preset: "strict" | "standard";
                            retention?: {
                                /** @description days a disabled subject is kept before it is purged */
                                former_subjects?: number;
                            };
                            /** @description lower-case slug */
                            tenant_id: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** @description boolean flags on for the tenant itself (no subject) */
                        enabled_flags: string[];
                        keys: ({
                            exp?: number;
                            kid: string;
                            nbf: number;
                            /** @enum {string} */
                            status: "active" | "retired";
                        } & {
                            [key: string]: unknown;
                        })[];
                        plan: {
                            /** @description null: the default plan, never assigned */
                            assigned_at: string | null;
                            assigned_by: string;
                            /** Format: date */
                            effective_from: string;
                            internal: boolean;
                            plan_id: string;
                            plan_version: number;
                        };
                        policy_bundle: {
                            hash: string;
                            tags: string[];
                            /** @description null: the server base bundle */
                            version: number | null;
                        };
                        quotas: {
                            limit: number;
                            /** @enum {string} */
                            quota: "runs" | "exports";
                            used: number;
                            window_seconds: number;
                        }[];
                        /** @description newest first, up to 20 */
                        recent_audit: {
                            action: string | null;
                            actor: string | null;
                            decision: string | null;
                            details: {
                                [key: string]: unknown;
                            };
                            event_id: string;
                            /** Format: date-time */
                            occurred_at: string;
                            reasons: string[];
                            request_id: string | null;
                            target: string | null;
                            tenant_id: string;
                            type: string;
                        }[];
                        /** @enum {string} */
                        status: "active" | "disabled" | "purged";
                        tenant_id: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
    "purge.request.operator_approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description lower-case slug */
                id: string;
                purgeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rationale: string;
                };
            };
        };
        responses: {
            /** @description RFC 9457 problem details */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        /** @description each invalid field */
                        errors?: {
                            field: string;
                            in: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @description why the policy denied the action */
                        reasons?: string[];
                        status: number;
                        title: string;
                        /** Format: uri */
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approver_roles: string[];
                        /** Format: date-time */
                        created_at: string;
                        history: {
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            from_state: string | null;
                            rationale: string | null;
                            seq: number;
                            to_state: string;
                            transition: string;
                        }[];
                        manifest: {
                            /** @description copies a purge cannot reach */
                            beyond_reach?: string[];
                            /** Format: date-time */
                            completed_at: string;
                            deleted: {
                                keys_sha256: string;
                                rows: number;
                                table: string;
                            }[];
                            /** @description append-only records still naming the subject in plain text */
                            not_shreddable?: {
                                rows: number;
                                table: string;
                            }[];
                            purge_id: string;
                            retained: string[];
                            /** @description a subject purge: the mutable records that named the subject, now naming its pseudonym, per column */
                            rewritten?: {
                                column: string;
                                keys_sha256: string;
                                rows: number;
                                table: string;
                            }[];
                            scope: "subject" | "entity" | "tenant";
                            /** @description the data keys destroyed; what was sealed under them reads as [purged] */
                            shredded_keys?: string[];
                            subject: string;
                        } | null;
                        missing_approvals: string[];
                        /** @description roles of a platform tenant's operators the purge also needs, by the server's base policy */
                        platform_approver_roles: string[];
                        purge_id: string;
                        rationale: string;
                        requester: string;
                        scope: "subject" | "entity" | "tenant";
                        status: "requested" | "approved" | "done" | "denied" | "cancelled" | "failed";
                        subject: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const pathsApiV1ApprovalsGetParametersQueryAssigneeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/approvals"]["get"]["parameters"]["query"]["assignee"]> = ["me"];
export const pathsApiV1AuditEventsGetParametersQueryKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit-events"]["get"]["parameters"]["query"]["kind"]> = ["read", "write"];
export const pathsApiV1AuditExportsGetResponses200ContentApplicationJsonExportsStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports"]["get"]["responses"]["200"]["content"]["application/json"]["exports"]["status"]> = ["queued"];
export const pathsApiV1AuditExportsGetResponses200ContentApplicationJsonExportsStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports"]["get"]["responses"]["200"]["content"]["application/json"]["exports"]["status"]> = ["running"];
export const pathsApiV1AuditExportsGetResponses200ContentApplicationJsonExportsStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports"]["get"]["responses"]["200"]["content"]["application/json"]["exports"]["status"]> = ["done"];
export const pathsApiV1AuditExportsGetResponses200ContentApplicationJsonExportsStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports"]["get"]["responses"]["200"]["content"]["application/json"]["exports"]["status"]> = ["failed"];
export const pathsApiV1AuditExportsPostRequestBodyContentApplicationJsonOutcomeAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports"]["post"]["requestBody"]["content"]["application/json"]["outcome"]> = ["allowed"];
export const pathsApiV1AuditExportsPostRequestBodyContentApplicationJsonOutcomeAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports"]["post"]["requestBody"]["content"]["application/json"]["outcome"]> = ["denied"];
export const pathsApiV1AuditExportsPostResponses202ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports"]["post"]["responses"]["202"]["content"]["application/json"]["status"]> = ["queued"];
export const pathsApiV1AuditExportsPostResponses202ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports"]["post"]["responses"]["202"]["content"]["application/json"]["status"]> = ["running"];
export const pathsApiV1AuditExportsPostResponses202ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports"]["post"]["responses"]["202"]["content"]["application/json"]["status"]> = ["done"];
export const pathsApiV1AuditExportsPostResponses202ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports"]["post"]["responses"]["202"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1AuditExportsIdGetResponses200ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["queued"];
export const pathsApiV1AuditExportsIdGetResponses200ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["running"];
export const pathsApiV1AuditExportsIdGetResponses200ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["done"];
export const pathsApiV1AuditExportsIdGetResponses200ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1AuditExportsIdVerifyPostResponses200ContentApplicationJsonChecksCheckAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}/verify"]["post"]["responses"]["200"]["content"]["application/json"]["checks"]["check"]> = ["archive"];
export const pathsApiV1AuditExportsIdVerifyPostResponses200ContentApplicationJsonChecksCheckAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}/verify"]["post"]["responses"]["200"]["content"]["application/json"]["checks"]["check"]> = ["signature"];
export const pathsApiV1AuditExportsIdVerifyPostResponses200ContentApplicationJsonChecksCheckAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}/verify"]["post"]["responses"]["200"]["content"]["application/json"]["checks"]["check"]> = ["digests"];
export const pathsApiV1AuditExportsIdVerifyPostResponses200ContentApplicationJsonChecksCheckAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}/verify"]["post"]["responses"]["200"]["content"]["application/json"]["checks"]["check"]> = ["records"];
export const pathsApiV1AuditExportsIdVerifyPostResponses200ContentApplicationJsonChecksCheckAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}/verify"]["post"]["responses"]["200"]["content"]["application/json"]["checks"]["check"]> = ["receipts"];
export const pathsApiV1AuditExportsIdVerifyPostResponses200ContentApplicationJsonChecksCheckAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}/verify"]["post"]["responses"]["200"]["content"]["application/json"]["checks"]["check"]> = ["counts"];
export const pathsApiV1AuditExportsIdVerifyPostResponses200ContentApplicationJsonChecksOutcomeAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}/verify"]["post"]["responses"]["200"]["content"]["application/json"]["checks"]["outcome"]> = ["passed"];
export const pathsApiV1AuditExportsIdVerifyPostResponses200ContentApplicationJsonChecksOutcomeAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}/verify"]["post"]["responses"]["200"]["content"]["application/json"]["checks"]["outcome"]> = ["failed"];
export const pathsApiV1AuditExportsIdVerifyPostResponses200ContentApplicationJsonChecksOutcomeAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit/exports/{id}/verify"]["post"]["responses"]["200"]["content"]["application/json"]["checks"]["outcome"]> = ["not_run"];
export const pathsApiV1EntitiesIdLineageGetParametersQueryDirectionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/entities/{id}/lineage"]["get"]["parameters"]["query"]["direction"]> = ["upstream", "downstream", "both"];
export const pathsApiV1FinopsCostGetParametersQueryFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/finops/cost"]["get"]["parameters"]["query"]["format"]> = ["csv"];
export const pathsApiV1FinopsInvoicesGetParametersQueryFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/finops/invoices"]["get"]["parameters"]["query"]["format"]> = ["csv"];
export const pathsApiV1FinopsInvoicesIdGetParametersQueryFormatAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/finops/invoices/{id}"]["get"]["parameters"]["query"]["format"]> = ["json"];
export const pathsApiV1FinopsInvoicesIdGetParametersQueryFormatAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/finops/invoices/{id}"]["get"]["parameters"]["query"]["format"]> = ["csv"];
export const pathsApiV1FinopsMeterReadingsGetParametersQueryFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/finops/meter-readings"]["get"]["parameters"]["query"]["format"]> = ["csv"];
export const pathsApiV1FinopsPlansGetResponses200ContentApplicationJsonPlansPricesModelAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/finops/plans"]["get"]["responses"]["200"]["content"]["application/json"]["plans"]["prices"]["model"]> = ["graduated"];
export const pathsApiV1FinopsPlansGetResponses200ContentApplicationJsonPlansPricesModelAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/finops/plans"]["get"]["responses"]["200"]["content"]["application/json"]["plans"]["prices"]["model"]> = ["volume"];
export const pathsApiV1FinopsUsageGetParametersQueryFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/finops/usage"]["get"]["parameters"]["query"]["format"]> = ["csv"];
export const pathsApiV1FinopsUsagePostRequestBodyContentApplicationJsonAnyOf0SpecversionValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/finops/usage"]["post"]["requestBody"]["content"]["application/json"], {
    specversion: unknown;
}>["specversion"]> = ["1.0"];
export const pathsApiV1FinopsUsagePostRequestBodyContentApplicationJsonAnyOf1SpecversionValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/finops/usage"]["post"]["requestBody"]["content"]["application/json"], {
    specversion: unknown;
}>["specversion"]> = ["1.0"];
export const pathsApiV1FlagsGetResponses200ContentApplicationJsonFlagsKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/flags"]["get"]["responses"]["200"]["content"]["application/json"]["flags"]["kind"]> = ["release", "experiment", "operational", "kill-switch", "permission"];
export const pathsApiV1FlagsGetResponses200ContentApplicationJsonFlagsSettingAnyOf0TargetingOpValues: ReadonlyArray<Extract<Extract<FlattenedDeepRequired<paths>["/api/v1/flags"]["get"]["responses"]["200"]["content"]["application/json"]["flags"]["setting"], {
    targeting: unknown;
}>["targeting"], {
    op: unknown;
}>["op"]> = ["in", "not_in"];
export const pathsApiV1FlagsGetResponses200ContentApplicationJsonFlagsSetting_sourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/flags"]["get"]["responses"]["200"]["content"]["application/json"]["flags"]["setting_source"]> = ["tenant", "seed", "none"];
export const pathsApiV1FlagsFlagIdGetResponses200ContentApplicationJsonKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/flags/{flagId}"]["get"]["responses"]["200"]["content"]["application/json"]["kind"]> = ["release", "experiment", "operational", "kill-switch", "permission"];
export const pathsApiV1FlagsFlagIdGetResponses200ContentApplicationJsonSettingAnyOf0TargetingOpValues: ReadonlyArray<Extract<Extract<FlattenedDeepRequired<paths>["/api/v1/flags/{flagId}"]["get"]["responses"]["200"]["content"]["application/json"]["setting"], {
    targeting: unknown;
}>["targeting"], {
    op: unknown;
}>["op"]> = ["in", "not_in"];
export const pathsApiV1FlagsFlagIdGetResponses200ContentApplicationJsonSetting_sourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/flags/{flagId}"]["get"]["responses"]["200"]["content"]["application/json"]["setting_source"]> = ["tenant", "seed", "none"];
export const pathsApiV1FlagsFlagIdGetResponses200ContentApplicationJsonHistoryAfterAnyOf0TargetingOpValues: ReadonlyArray<Extract<Extract<FlattenedDeepRequired<paths>["/api/v1/flags/{flagId}"]["get"]["responses"]["200"]["content"]["application/json"]["history"]["after"], {
    targeting: unknown;
}>["targeting"], {
    op: unknown;
}>["op"]> = ["in", "not_in"];
export const pathsApiV1FlagsFlagIdGetResponses200ContentApplicationJsonHistoryBeforeAnyOf0TargetingOpValues: ReadonlyArray<Extract<Extract<FlattenedDeepRequired<paths>["/api/v1/flags/{flagId}"]["get"]["responses"]["200"]["content"]["application/json"]["history"]["before"], {
    targeting: unknown;
}>["targeting"], {
    op: unknown;
}>["op"]> = ["in", "not_in"];
export const pathsApiV1FlagsFlagIdRevertPostResponses200ContentApplicationJsonAfterAnyOf0TargetingOpValues: ReadonlyArray<Extract<Extract<FlattenedDeepRequired<paths>["/api/v1/flags/{flagId}/revert"]["post"]["responses"]["200"]["content"]["application/json"]["after"], {
    targeting: unknown;
}>["targeting"], {
    op: unknown;
}>["op"]> = ["in", "not_in"];
export const pathsApiV1FlagsFlagIdRevertPostResponses200ContentApplicationJsonBeforeAnyOf0TargetingOpValues: ReadonlyArray<Extract<Extract<FlattenedDeepRequired<paths>["/api/v1/flags/{flagId}/revert"]["post"]["responses"]["200"]["content"]["application/json"]["before"], {
    targeting: unknown;
}>["targeting"], {
    op: unknown;
}>["op"]> = ["in", "not_in"];
export const pathsApiV1FlagsFlagIdSettingPutRequestBodyContentApplicationJsonTargetingOpValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/flags/{flagId}/setting"]["put"]["requestBody"]["content"]["application/json"]["targeting"]["op"]> = ["in", "not_in"];
export const pathsApiV1FlagsFlagIdSettingPutResponses200ContentApplicationJsonAfterAnyOf0TargetingOpValues: ReadonlyArray<Extract<Extract<FlattenedDeepRequired<paths>["/api/v1/flags/{flagId}/setting"]["put"]["responses"]["200"]["content"]["application/json"]["after"], {
    targeting: unknown;
}>["targeting"], {
    op: unknown;
}>["op"]> = ["in", "not_in"];
export const pathsApiV1FlagsFlagIdSettingPutResponses200ContentApplicationJsonBeforeAnyOf0TargetingOpValues: ReadonlyArray<Extract<Extract<FlattenedDeepRequired<paths>["/api/v1/flags/{flagId}/setting"]["put"]["responses"]["200"]["content"]["application/json"]["before"], {
    targeting: unknown;
}>["targeting"], {
    op: unknown;
}>["op"]> = ["in", "not_in"];
export const pathsApiV1GraphEntityIdGetParametersQueryDepthValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/graph/entity/{id}"]["get"]["parameters"]["query"]["depth"]> = ["1", "2", "3"];
export const pathsApiV1GraphEntityIdGetParametersQueryDirectionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/graph/entity/{id}"]["get"]["parameters"]["query"]["direction"]> = ["out", "in", "both"];
export const pathsApiV1GraphTypesGetResponses200ContentApplicationJsonTypesKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/graph/types"]["get"]["responses"]["200"]["content"]["application/json"]["types"]["kind"]> = ["entity", "relationship"];
export const pathsApiV1GraphTypesKindNamePutParametersPathKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/graph/types/{kind}/{name}"]["put"]["parameters"]["path"]["kind"]> = ["entity", "relationship"];
export const pathsApiV1GraphTypesKindNamePutResponses200ContentApplicationJsonKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/graph/types/{kind}/{name}"]["put"]["responses"]["200"]["content"]["application/json"]["kind"]> = ["entity", "relationship"];
export const pathsApiV1HighRiskOpsMissingReceiptsGetResponses200ContentApplicationJsonRequestsStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/missing-receipts"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["requested"];
export const pathsApiV1HighRiskOpsMissingReceiptsGetResponses200ContentApplicationJsonRequestsStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/missing-receipts"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["approved"];
export const pathsApiV1HighRiskOpsMissingReceiptsGetResponses200ContentApplicationJsonRequestsStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/missing-receipts"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["active"];
export const pathsApiV1HighRiskOpsMissingReceiptsGetResponses200ContentApplicationJsonRequestsStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/missing-receipts"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["reverted"];
export const pathsApiV1HighRiskOpsMissingReceiptsGetResponses200ContentApplicationJsonRequestsStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/missing-receipts"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["denied"];
export const pathsApiV1HighRiskOpsMissingReceiptsGetResponses200ContentApplicationJsonRequestsStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/missing-receipts"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["cancelled"];
export const pathsApiV1HighRiskOpsMissingReceiptsGetResponses200ContentApplicationJsonRequestsStatusAnyOf6Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/missing-receipts"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["expired"];
export const pathsApiV1HighRiskOpsMissingReceiptsGetResponses200ContentApplicationJsonRequestsStatusAnyOf7Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/missing-receipts"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["failed"];
export const pathsApiV1HighRiskOpsRequestsGetParametersQueryStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["parameters"]["query"]["status"]> = ["requested"];
export const pathsApiV1HighRiskOpsRequestsGetParametersQueryStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["parameters"]["query"]["status"]> = ["approved"];
export const pathsApiV1HighRiskOpsRequestsGetParametersQueryStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["parameters"]["query"]["status"]> = ["active"];
export const pathsApiV1HighRiskOpsRequestsGetParametersQueryStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["parameters"]["query"]["status"]> = ["reverted"];
export const pathsApiV1HighRiskOpsRequestsGetParametersQueryStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["parameters"]["query"]["status"]> = ["denied"];
export const pathsApiV1HighRiskOpsRequestsGetParametersQueryStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["parameters"]["query"]["status"]> = ["cancelled"];
export const pathsApiV1HighRiskOpsRequestsGetParametersQueryStatusAnyOf6Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["parameters"]["query"]["status"]> = ["expired"];
export const pathsApiV1HighRiskOpsRequestsGetParametersQueryStatusAnyOf7Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["parameters"]["query"]["status"]> = ["failed"];
export const pathsApiV1HighRiskOpsRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["requested"];
export const pathsApiV1HighRiskOpsRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["approved"];
export const pathsApiV1HighRiskOpsRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["active"];
export const pathsApiV1HighRiskOpsRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["reverted"];
export const pathsApiV1HighRiskOpsRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["denied"];
export const pathsApiV1HighRiskOpsRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["cancelled"];
export const pathsApiV1HighRiskOpsRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf6Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["expired"];
export const pathsApiV1HighRiskOpsRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf7Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["failed"];
export const pathsApiV1HighRiskOpsRequestsPostResponses201ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1HighRiskOpsRequestsPostResponses201ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1HighRiskOpsRequestsPostResponses201ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["active"];
export const pathsApiV1HighRiskOpsRequestsPostResponses201ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["reverted"];
export const pathsApiV1HighRiskOpsRequestsPostResponses201ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1HighRiskOpsRequestsPostResponses201ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1HighRiskOpsRequestsPostResponses201ContentApplicationJsonStatusAnyOf6Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["expired"];
export const pathsApiV1HighRiskOpsRequestsPostResponses201ContentApplicationJsonStatusAnyOf7Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1HighRiskOpsRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1HighRiskOpsRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1HighRiskOpsRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["active"];
export const pathsApiV1HighRiskOpsRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["reverted"];
export const pathsApiV1HighRiskOpsRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1HighRiskOpsRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1HighRiskOpsRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf6Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["expired"];
export const pathsApiV1HighRiskOpsRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf7Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1HighRiskOpsRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1HighRiskOpsRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1HighRiskOpsRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["active"];
export const pathsApiV1HighRiskOpsRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["reverted"];
export const pathsApiV1HighRiskOpsRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1HighRiskOpsRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1HighRiskOpsRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf6Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["expired"];
export const pathsApiV1HighRiskOpsRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf7Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1HighRiskOpsRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1HighRiskOpsRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1HighRiskOpsRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["active"];
export const pathsApiV1HighRiskOpsRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["reverted"];
export const pathsApiV1HighRiskOpsRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1HighRiskOpsRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1HighRiskOpsRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf6Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["expired"];
export const pathsApiV1HighRiskOpsRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf7Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1HighRiskOpsRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1HighRiskOpsRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1HighRiskOpsRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["active"];
export const pathsApiV1HighRiskOpsRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["reverted"];
export const pathsApiV1HighRiskOpsRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1HighRiskOpsRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1HighRiskOpsRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf6Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["expired"];
export const pathsApiV1HighRiskOpsRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf7Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1HighRiskOpsRequestsIdExecutePostResponses200ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/execute"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1HighRiskOpsRequestsIdExecutePostResponses200ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/execute"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1HighRiskOpsRequestsIdExecutePostResponses200ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/execute"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["active"];
export const pathsApiV1HighRiskOpsRequestsIdExecutePostResponses200ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/execute"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["reverted"];
export const pathsApiV1HighRiskOpsRequestsIdExecutePostResponses200ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/execute"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1HighRiskOpsRequestsIdExecutePostResponses200ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/execute"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1HighRiskOpsRequestsIdExecutePostResponses200ContentApplicationJsonStatusAnyOf6Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/execute"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["expired"];
export const pathsApiV1HighRiskOpsRequestsIdExecutePostResponses200ContentApplicationJsonStatusAnyOf7Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/execute"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1HighRiskOpsRequestsIdRevokePostResponses202ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/revoke"]["post"]["responses"]["202"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1HighRiskOpsRequestsIdRevokePostResponses202ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/revoke"]["post"]["responses"]["202"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1HighRiskOpsRequestsIdRevokePostResponses202ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/revoke"]["post"]["responses"]["202"]["content"]["application/json"]["status"]> = ["active"];
export const pathsApiV1HighRiskOpsRequestsIdRevokePostResponses202ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/revoke"]["post"]["responses"]["202"]["content"]["application/json"]["status"]> = ["reverted"];
export const pathsApiV1HighRiskOpsRequestsIdRevokePostResponses202ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/revoke"]["post"]["responses"]["202"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1HighRiskOpsRequestsIdRevokePostResponses202ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/revoke"]["post"]["responses"]["202"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1HighRiskOpsRequestsIdRevokePostResponses202ContentApplicationJsonStatusAnyOf6Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/revoke"]["post"]["responses"]["202"]["content"]["application/json"]["status"]> = ["expired"];
export const pathsApiV1HighRiskOpsRequestsIdRevokePostResponses202ContentApplicationJsonStatusAnyOf7Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/high-risk-ops/requests/{id}/revoke"]["post"]["responses"]["202"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1IncidentsGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents"]["get"]["parameters"]["query"]["status"]> = ["open", "mitigated", "resolved"];
export const pathsApiV1IncidentsGetResponses200ContentApplicationJsonIncidentsSeverityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents"]["get"]["responses"]["200"]["content"]["application/json"]["incidents"]["severity"]> = ["critical", "high", "medium", "low"];
export const pathsApiV1IncidentsGetResponses200ContentApplicationJsonIncidentsSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents"]["get"]["responses"]["200"]["content"]["application/json"]["incidents"]["source"]> = ["manual", "alert"];
export const pathsApiV1IncidentsGetResponses200ContentApplicationJsonIncidentsStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents"]["get"]["responses"]["200"]["content"]["application/json"]["incidents"]["status"]> = ["open", "mitigated", "resolved"];
export const pathsApiV1IncidentsPostRequestBodyContentApplicationJsonSeverityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents"]["post"]["requestBody"]["content"]["application/json"]["severity"]> = ["critical", "high", "medium", "low"];
export const pathsApiV1IncidentsPostResponses201ContentApplicationJsonSeverityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents"]["post"]["responses"]["201"]["content"]["application/json"]["severity"]> = ["critical", "high", "medium", "low"];
export const pathsApiV1IncidentsPostResponses201ContentApplicationJsonSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents"]["post"]["responses"]["201"]["content"]["application/json"]["source"]> = ["manual", "alert"];
export const pathsApiV1IncidentsPostResponses201ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["open", "mitigated", "resolved"];
export const pathsApiV1IncidentsIdGetResponses200ContentApplicationJsonSeverityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["severity"]> = ["critical", "high", "medium", "low"];
export const pathsApiV1IncidentsIdGetResponses200ContentApplicationJsonSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["source"]> = ["manual", "alert"];
export const pathsApiV1IncidentsIdGetResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["open", "mitigated", "resolved"];
export const pathsApiV1IncidentsIdEntitiesPostResponses200ContentApplicationJsonSeverityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/entities"]["post"]["responses"]["200"]["content"]["application/json"]["severity"]> = ["critical", "high", "medium", "low"];
export const pathsApiV1IncidentsIdEntitiesPostResponses200ContentApplicationJsonSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/entities"]["post"]["responses"]["200"]["content"]["application/json"]["source"]> = ["manual", "alert"];
export const pathsApiV1IncidentsIdEntitiesPostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/entities"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["open", "mitigated", "resolved"];
export const pathsApiV1IncidentsIdMitigatePostResponses200ContentApplicationJsonSeverityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/mitigate"]["post"]["responses"]["200"]["content"]["application/json"]["severity"]> = ["critical", "high", "medium", "low"];
export const pathsApiV1IncidentsIdMitigatePostResponses200ContentApplicationJsonSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/mitigate"]["post"]["responses"]["200"]["content"]["application/json"]["source"]> = ["manual", "alert"];
export const pathsApiV1IncidentsIdMitigatePostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/mitigate"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["open", "mitigated", "resolved"];
export const pathsApiV1IncidentsIdNotesPostResponses200ContentApplicationJsonSeverityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/notes"]["post"]["responses"]["200"]["content"]["application/json"]["severity"]> = ["critical", "high", "medium", "low"];
export const pathsApiV1IncidentsIdNotesPostResponses200ContentApplicationJsonSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/notes"]["post"]["responses"]["200"]["content"]["application/json"]["source"]> = ["manual", "alert"];
export const pathsApiV1IncidentsIdNotesPostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/notes"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["open", "mitigated", "resolved"];
export const pathsApiV1IncidentsIdResolvePostResponses200ContentApplicationJsonSeverityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/resolve"]["post"]["responses"]["200"]["content"]["application/json"]["severity"]> = ["critical", "high", "medium", "low"];
export const pathsApiV1IncidentsIdResolvePostResponses200ContentApplicationJsonSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/resolve"]["post"]["responses"]["200"]["content"]["application/json"]["source"]> = ["manual", "alert"];
export const pathsApiV1IncidentsIdResolvePostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/resolve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["open", "mitigated", "resolved"];
export const pathsApiV1IncidentsIdRunbookPostResponses200ContentApplicationJsonSeverityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/runbook"]["post"]["responses"]["200"]["content"]["application/json"]["severity"]> = ["critical", "high", "medium", "low"];
export const pathsApiV1IncidentsIdRunbookPostResponses200ContentApplicationJsonSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/runbook"]["post"]["responses"]["200"]["content"]["application/json"]["source"]> = ["manual", "alert"];
export const pathsApiV1IncidentsIdRunbookPostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents/{id}/runbook"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["open", "mitigated", "resolved"];
export const pathsApiV1IncidentsFromAlertPostRequestBodyContentApplicationJsonAnyOf0SeverityValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/incidents/from-alert"]["post"]["requestBody"]["content"]["application/json"], {
    severity: unknown;
}>["severity"]> = ["critical", "high", "medium", "low"];
export const pathsApiV1IncidentsFromAlertPostRequestBodyContentApplicationJsonAnyOf1AlertsStatusValues: ReadonlyArray<Extract<Extract<FlattenedDeepRequired<paths>["/api/v1/incidents/from-alert"]["post"]["requestBody"]["content"]["application/json"], {
    alerts: unknown;
}>["alerts"], {
    status: unknown;
}>["status"]> = ["firing", "resolved"];
export const pathsApiV1IncidentsFromAlertPostRequestBodyContentApplicationJsonAnyOf1StatusValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/incidents/from-alert"]["post"]["requestBody"]["content"]["application/json"], {
    status: unknown;
}>["status"]> = ["firing", "resolved"];
export const pathsApiV1IncidentsFromAlertPostResponses200ContentApplicationJsonIncidentAnyOf0SeverityValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/incidents/from-alert"]["post"]["responses"]["200"]["content"]["application/json"]["incident"], {
    severity: unknown;
}>["severity"]> = ["critical", "high", "medium", "low"];
export const pathsApiV1IncidentsFromAlertPostResponses200ContentApplicationJsonIncidentAnyOf0SourceValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/incidents/from-alert"]["post"]["responses"]["200"]["content"]["application/json"]["incident"], {
    source: unknown;
}>["source"]> = ["manual", "alert"];
export const pathsApiV1IncidentsFromAlertPostResponses200ContentApplicationJsonIncidentAnyOf0StatusValues: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/incidents/from-alert"]["post"]["responses"]["200"]["content"]["application/json"]["incident"], {
    status: unknown;
}>["status"]> = ["open", "mitigated", "resolved"];
export const pathsApiV1KeysKekGetResponses200ContentApplicationJsonHolderAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/keys/kek"]["get"]["responses"]["200"]["content"]["application/json"]["holder"]> = ["platform"];
export const pathsApiV1KeysKekGetResponses200ContentApplicationJsonHolderAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/keys/kek"]["get"]["responses"]["200"]["content"]["application/json"]["holder"]> = ["tenant"];
export const pathsApiV1KeysKekGetResponses200ContentApplicationJsonStateAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/keys/kek"]["get"]["responses"]["200"]["content"]["application/json"]["state"]> = ["platform"];
export const pathsApiV1KeysKekGetResponses200ContentApplicationJsonStateAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/keys/kek"]["get"]["responses"]["200"]["content"]["application/json"]["state"]> = ["active"];
export const pathsApiV1KeysKekGetResponses200ContentApplicationJsonStateAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/keys/kek"]["get"]["responses"]["200"]["content"]["application/json"]["state"]> = ["revoked"];
export const pathsApiV1KeysKekGetResponses200ContentApplicationJsonVersionsStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/keys/kek"]["get"]["responses"]["200"]["content"]["application/json"]["versions"]["status"]> = ["active"];
export const pathsApiV1KeysKekGetResponses200ContentApplicationJsonVersionsStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/keys/kek"]["get"]["responses"]["200"]["content"]["application/json"]["versions"]["status"]> = ["retired"];
export const pathsApiV1KeysKekGetResponses200ContentApplicationJsonVersionsStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/keys/kek"]["get"]["responses"]["200"]["content"]["application/json"]["versions"]["status"]> = ["revoked"];
export const pathsApiV1KeysWrappingKeysPostResponses201ContentApplicationJsonAlgorithmValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/keys/wrapping-keys"]["post"]["responses"]["201"]["content"]["application/json"]["algorithm"]> = ["RSA-OAEP-256"];
export const pathsApiV1ObservabilitySlosGetResponses200ContentApplicationJsonSlosSourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/observability/slos"]["get"]["responses"]["200"]["content"]["application/json"]["slos"]["source"]> = ["stored", "process"];
export const pathsApiV1ObservabilitySlosGetResponses200ContentApplicationJsonSlosStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/observability/slos"]["get"]["responses"]["200"]["content"]["application/json"]["slos"]["state"]> = ["met", "at_risk", "breached", "no_data"];
export const pathsApiV1OnboardingCohortsCohortGetResponses200ContentApplicationJsonTenantsDoneValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/onboarding/cohorts/{cohort}"]["get"]["responses"]["200"]["content"]["application/json"]["tenants"]["done"]> = ["tenant", "admin", "template", "webhook", "evidence"];
export const pathsApiV1OnboardingCohortsCohortGetResponses200ContentApplicationJsonTenantsFailed_stepAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/onboarding/cohorts/{cohort}"]["get"]["responses"]["200"]["content"]["application/json"]["tenants"]["failed_step"]> = ["tenant", "admin", "template", "webhook", "evidence"];
export const pathsApiV1OnboardingCohortsCohortGetResponses200ContentApplicationJsonTenantsStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/onboarding/cohorts/{cohort}"]["get"]["responses"]["200"]["content"]["application/json"]["tenants"]["state"]> = ["in progress", "onboarded", "verified", "failed"];
export const pathsApiV1OnboardingTenantsIdStepsPostRequestBodyContentApplicationJsonRowEnvValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/onboarding/tenants/{id}/steps"]["post"]["requestBody"]["content"]["application/json"]["row"]["env"]> = ["dev", "staging", "prod"];
export const pathsApiV1OnboardingTenantsIdStepsPostRequestBodyContentApplicationJsonRowRegionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/onboarding/tenants/{id}/steps"]["post"]["requestBody"]["content"]["application/json"]["row"]["region"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1OnboardingTenantsIdStepsPostResponses200ContentApplicationJsonDoneValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/onboarding/tenants/{id}/steps"]["post"]["responses"]["200"]["content"]["application/json"]["done"]> = ["tenant", "admin", "template", "webhook", "evidence"];
export const pathsApiV1OnboardingTenantsIdStepsPostResponses200ContentApplicationJsonNextAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/onboarding/tenants/{id}/steps"]["post"]["responses"]["200"]["content"]["application/json"]["next"]> = ["tenant", "admin", "template", "webhook", "evidence"];
export const pathsApiV1OnboardingTenantsIdStepsPostResponses200ContentApplicationJsonOutcomeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/onboarding/tenants/{id}/steps"]["post"]["responses"]["200"]["content"]["application/json"]["outcome"]> = ["done", "failed", "pending", "skipped"];
export const pathsApiV1OnboardingTenantsIdStepsPostResponses200ContentApplicationJsonStepAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/onboarding/tenants/{id}/steps"]["post"]["responses"]["200"]["content"]["application/json"]["step"]> = ["tenant", "admin", "template", "webhook", "evidence"];
export const pathsApiV1PolicyDecisionsGetParametersQueryAllowAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/policy/decisions"]["get"]["parameters"]["query"]["allow"]> = ["true"];
export const pathsApiV1PolicyDecisionsGetParametersQueryAllowAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/policy/decisions"]["get"]["parameters"]["query"]["allow"]> = ["false"];
export const pathsApiV1PortalInvitationsGetResponses200ContentApplicationJsonInvitationsMailStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/invitations"]["get"]["responses"]["200"]["content"]["application/json"]["invitations"]["mail"]["state"]> = ["queued", "sent", "failed", "cancelled", "not_configured"];
export const pathsApiV1PortalInvitationsGetResponses200ContentApplicationJsonInvitationsRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/invitations"]["get"]["responses"]["200"]["content"]["application/json"]["invitations"]["role"]> = ["auditor", "partner"];
export const pathsApiV1PortalInvitationsGetResponses200ContentApplicationJsonInvitationsStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/invitations"]["get"]["responses"]["200"]["content"]["application/json"]["invitations"]["status"]> = ["pending", "accepted", "revoked", "expired"];
export const pathsApiV1PortalInvitationsPostRequestBodyContentApplicationJsonRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/invitations"]["post"]["requestBody"]["content"]["application/json"]["role"]> = ["auditor", "partner"];
export const pathsApiV1PortalInvitationsPostResponses201ContentApplicationJsonInvitationMailStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/invitations"]["post"]["responses"]["201"]["content"]["application/json"]["invitation"]["mail"]["state"]> = ["queued", "sent", "failed", "cancelled", "not_configured"];
export const pathsApiV1PortalInvitationsPostResponses201ContentApplicationJsonInvitationRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/invitations"]["post"]["responses"]["201"]["content"]["application/json"]["invitation"]["role"]> = ["auditor", "partner"];
export const pathsApiV1PortalInvitationsPostResponses201ContentApplicationJsonInvitationStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/invitations"]["post"]["responses"]["201"]["content"]["application/json"]["invitation"]["status"]> = ["pending", "accepted", "revoked", "expired"];
export const pathsApiV1PortalInvitationsIdRevokePostResponses200ContentApplicationJsonInvitationMailStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/invitations/{id}/revoke"]["post"]["responses"]["200"]["content"]["application/json"]["invitation"]["mail"]["state"]> = ["queued", "sent", "failed", "cancelled", "not_configured"];
export const pathsApiV1PortalInvitationsIdRevokePostResponses200ContentApplicationJsonInvitationRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/invitations/{id}/revoke"]["post"]["responses"]["200"]["content"]["application/json"]["invitation"]["role"]> = ["auditor", "partner"];
export const pathsApiV1PortalInvitationsIdRevokePostResponses200ContentApplicationJsonInvitationStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/invitations/{id}/revoke"]["post"]["responses"]["200"]["content"]["application/json"]["invitation"]["status"]> = ["pending", "accepted", "revoked", "expired"];
export const pathsApiV1PortalInvitationsAcceptPostResponses200ContentApplicationJsonRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/invitations/accept"]["post"]["responses"]["200"]["content"]["application/json"]["role"]> = ["auditor", "partner"];
export const pathsApiV1PortalOverviewGetResponses200ContentApplicationJsonOverviewCheckpoint_signatureAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/overview"]["get"]["responses"]["200"]["content"]["application/json"]["overview"]["checkpoint_signature"]> = ["verified"];
export const pathsApiV1PortalOverviewGetResponses200ContentApplicationJsonOverviewCheckpoint_signatureAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/overview"]["get"]["responses"]["200"]["content"]["application/json"]["overview"]["checkpoint_signature"]> = ["failed"];
export const pathsApiV1PortalOverviewGetResponses200ContentApplicationJsonOverviewCheckpoint_signatureAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/overview"]["get"]["responses"]["200"]["content"]["application/json"]["overview"]["checkpoint_signature"]> = ["none"];
export const pathsApiV1PortalSessionGetResponses200ContentApplicationJsonTenantsRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/session"]["get"]["responses"]["200"]["content"]["application/json"]["tenants"]["role"]> = ["auditor", "partner"];
export const pathsApiV1PortalSessionGetResponses200ContentApplicationJsonViewerRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/portal/session"]["get"]["responses"]["200"]["content"]["application/json"]["viewer"]["role"]> = ["auditor", "partner"];
export const pathsApiV1ProvenanceReceiptsIdGetParametersQueryPeopleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/provenance/receipts/{id}"]["get"]["parameters"]["query"]["people"]> = ["shown"];
export const pathsApiV1ProvenanceReceiptsIdGetResponses200ContentApplicationJsonFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/provenance/receipts/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["format"]> = ["companyos.receipt-bundle.v1"];
export const pathsApiV1PurgeRequestsGetParametersQueryStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["parameters"]["query"]["status"]> = ["requested"];
export const pathsApiV1PurgeRequestsGetParametersQueryStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["parameters"]["query"]["status"]> = ["approved"];
export const pathsApiV1PurgeRequestsGetParametersQueryStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["parameters"]["query"]["status"]> = ["done"];
export const pathsApiV1PurgeRequestsGetParametersQueryStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["parameters"]["query"]["status"]> = ["denied"];
export const pathsApiV1PurgeRequestsGetParametersQueryStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["parameters"]["query"]["status"]> = ["cancelled"];
export const pathsApiV1PurgeRequestsGetParametersQueryStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["parameters"]["query"]["status"]> = ["failed"];
export const pathsApiV1PurgeRequestsGetResponses200ContentApplicationJsonRequestsManifestAnyOf0ScopeAnyOf0Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsGetResponses200ContentApplicationJsonRequestsManifestAnyOf0ScopeAnyOf1Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsGetResponses200ContentApplicationJsonRequestsManifestAnyOf0ScopeAnyOf2Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsGetResponses200ContentApplicationJsonRequestsScopeAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsGetResponses200ContentApplicationJsonRequestsScopeAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsGetResponses200ContentApplicationJsonRequestsScopeAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["requested"];
export const pathsApiV1PurgeRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["approved"];
export const pathsApiV1PurgeRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["done"];
export const pathsApiV1PurgeRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["denied"];
export const pathsApiV1PurgeRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["cancelled"];
export const pathsApiV1PurgeRequestsGetResponses200ContentApplicationJsonRequestsStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["get"]["responses"]["200"]["content"]["application/json"]["requests"]["status"]> = ["failed"];
export const pathsApiV1PurgeRequestsPostRequestBodyContentApplicationJsonScopeAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["requestBody"]["content"]["application/json"]["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsPostRequestBodyContentApplicationJsonScopeAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["requestBody"]["content"]["application/json"]["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsPostRequestBodyContentApplicationJsonScopeAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["requestBody"]["content"]["application/json"]["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsPostResponses201ContentApplicationJsonManifestAnyOf0ScopeAnyOf0Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["responses"]["201"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsPostResponses201ContentApplicationJsonManifestAnyOf0ScopeAnyOf1Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["responses"]["201"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsPostResponses201ContentApplicationJsonManifestAnyOf0ScopeAnyOf2Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["responses"]["201"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsPostResponses201ContentApplicationJsonScopeAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["responses"]["201"]["content"]["application/json"]["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsPostResponses201ContentApplicationJsonScopeAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["responses"]["201"]["content"]["application/json"]["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsPostResponses201ContentApplicationJsonScopeAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["responses"]["201"]["content"]["application/json"]["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsPostResponses201ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1PurgeRequestsPostResponses201ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1PurgeRequestsPostResponses201ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["done"];
export const pathsApiV1PurgeRequestsPostResponses201ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1PurgeRequestsPostResponses201ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1PurgeRequestsPostResponses201ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1PurgeRequestsIdGetResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf0Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsIdGetResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf1Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsIdGetResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf2Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsIdGetResponses200ContentApplicationJsonScopeAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsIdGetResponses200ContentApplicationJsonScopeAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsIdGetResponses200ContentApplicationJsonScopeAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1PurgeRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1PurgeRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["done"];
export const pathsApiV1PurgeRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1PurgeRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1PurgeRequestsIdGetResponses200ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1PurgeRequestsIdApprovePostResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf0Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsIdApprovePostResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf1Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsIdApprovePostResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf2Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsIdApprovePostResponses200ContentApplicationJsonScopeAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsIdApprovePostResponses200ContentApplicationJsonScopeAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsIdApprovePostResponses200ContentApplicationJsonScopeAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1PurgeRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1PurgeRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["done"];
export const pathsApiV1PurgeRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1PurgeRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1PurgeRequestsIdApprovePostResponses200ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1PurgeRequestsIdCancelPostResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf0Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsIdCancelPostResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf1Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsIdCancelPostResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf2Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsIdCancelPostResponses200ContentApplicationJsonScopeAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsIdCancelPostResponses200ContentApplicationJsonScopeAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsIdCancelPostResponses200ContentApplicationJsonScopeAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1PurgeRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1PurgeRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["done"];
export const pathsApiV1PurgeRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1PurgeRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1PurgeRequestsIdCancelPostResponses200ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1PurgeRequestsIdDenyPostResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf0Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsIdDenyPostResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf1Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsIdDenyPostResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf2Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsIdDenyPostResponses200ContentApplicationJsonScopeAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["subject"];
export const pathsApiV1PurgeRequestsIdDenyPostResponses200ContentApplicationJsonScopeAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["entity"];
export const pathsApiV1PurgeRequestsIdDenyPostResponses200ContentApplicationJsonScopeAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["tenant"];
export const pathsApiV1PurgeRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1PurgeRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1PurgeRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["done"];
export const pathsApiV1PurgeRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1PurgeRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1PurgeRequestsIdDenyPostResponses200ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/purge-requests/{id}/deny"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["failed"];
export const pathsApiV1RevopsDashboardGetParametersQueryPeriodValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/dashboard"]["get"]["parameters"]["query"]["period"]> = ["day", "week", "month"];
export const pathsApiV1RevopsLeadsGetParametersQuerySegmentValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/leads"]["get"]["parameters"]["query"]["segment"]> = ["smb", "mid_market", "enterprise"];
export const pathsApiV1RevopsLeadsGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/leads"]["get"]["parameters"]["query"]["status"]> = ["routed", "promoted"];
export const pathsApiV1RevopsLeadsPostRequestBodyContentApplicationJsonSegmentValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/leads"]["post"]["requestBody"]["content"]["application/json"]["segment"]> = ["smb", "mid_market", "enterprise"];
export const pathsApiV1RevopsOpportunitiesGetParametersQueryStageValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/opportunities"]["get"]["parameters"]["query"]["stage"]> = ["open", "won", "lost"];
export const pathsApiV1RevopsOpportunitiesIdGetResponses200ContentApplicationJsonQuotesStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/opportunities/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["quotes"]["status"]> = ["draft", "submitted", "approved", "active", "rejected", "cancelled", "expired"];
export const pathsApiV1RevopsPolicyImpactPostResponses200ContentApplicationJsonQuotesStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/policy-impact"]["post"]["responses"]["200"]["content"]["application/json"]["quotes"]["status"]> = ["draft", "submitted", "approved", "active", "rejected", "cancelled", "expired"];
export const pathsApiV1RevopsQuotesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes"]["get"]["parameters"]["query"]["status"]> = ["draft", "submitted", "approved", "active", "rejected", "cancelled", "expired"];
export const pathsApiV1RevopsQuotesGetResponses200ContentApplicationJsonQuotesStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes"]["get"]["responses"]["200"]["content"]["application/json"]["quotes"]["status"]> = ["draft", "submitted", "approved", "active", "rejected", "cancelled", "expired"];
export const pathsApiV1RevopsQuotesPostResponses201ContentApplicationJsonAllowed_actionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes"]["post"]["responses"]["201"]["content"]["application/json"]["allowed_actions"]> = ["update", "submit", "approve", "reject", "activate", "cancel"];
export const pathsApiV1RevopsQuotesPostResponses201ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["draft", "submitted", "approved", "active", "rejected", "cancelled", "expired"];
export const pathsApiV1RevopsQuotesIdGetResponses200ContentApplicationJsonAllowed_actionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["allowed_actions"]> = ["update", "submit", "approve", "reject", "activate", "cancel"];
export const pathsApiV1RevopsQuotesIdGetResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["draft", "submitted", "approved", "active", "rejected", "cancelled", "expired"];
export const pathsApiV1RevopsQuotesIdPatchResponses200ContentApplicationJsonAllowed_actionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}"]["patch"]["responses"]["200"]["content"]["application/json"]["allowed_actions"]> = ["update", "submit", "approve", "reject", "activate", "cancel"];
export const pathsApiV1RevopsQuotesIdPatchResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}"]["patch"]["responses"]["200"]["content"]["application/json"]["status"]> = ["draft", "submitted", "approved", "active", "rejected", "cancelled", "expired"];
export const pathsApiV1RevopsQuotesIdActivatePostResponses200ContentApplicationJsonAllowed_actionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}/activate"]["post"]["responses"]["200"]["content"]["application/json"]["allowed_actions"]> = ["update", "submit", "approve", "reject", "activate", "cancel"];
export const pathsApiV1RevopsQuotesIdActivatePostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}/activate"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["draft", "submitted", "approved", "active", "rejected", "cancelled", "expired"];
export const pathsApiV1RevopsQuotesIdApprovePostResponses200ContentApplicationJsonAllowed_actionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["allowed_actions"]> = ["update", "submit", "approve", "reject", "activate", "cancel"];
export const pathsApiV1RevopsQuotesIdApprovePostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["draft", "submitted", "approved", "active", "rejected", "cancelled", "expired"];
export const pathsApiV1RevopsQuotesIdCancelPostResponses200ContentApplicationJsonAllowed_actionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["allowed_actions"]> = ["update", "submit", "approve", "reject", "activate", "cancel"];
export const pathsApiV1RevopsQuotesIdCancelPostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}/cancel"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["draft", "submitted", "approved", "active", "rejected", "cancelled", "expired"];
export const pathsApiV1RevopsQuotesIdRejectPostResponses200ContentApplicationJsonAllowed_actionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}/reject"]["post"]["responses"]["200"]["content"]["application/json"]["allowed_actions"]> = ["update", "submit", "approve", "reject", "activate", "cancel"];
export const pathsApiV1RevopsQuotesIdRejectPostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}/reject"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["draft", "submitted", "approved", "active", "rejected", "cancelled", "expired"];
export const pathsApiV1RevopsQuotesIdSubmitForApprovalPostResponses200ContentApplicationJsonAllowed_actionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}/submit-for-approval"]["post"]["responses"]["200"]["content"]["application/json"]["allowed_actions"]> = ["update", "submit", "approve", "reject", "activate", "cancel"];
export const pathsApiV1RevopsQuotesIdSubmitForApprovalPostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/quotes/{id}/submit-for-approval"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["draft", "submitted", "approved", "active", "rejected", "cancelled", "expired"];
export const pathsApiV1RevopsRoutingRulesRuleIdPutRequestBodyContentApplicationJsonSegmentAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/routing-rules/{ruleId}"]["put"]["requestBody"]["content"]["application/json"]["segment"]> = ["smb", "mid_market", "enterprise"];
export const pathsApiV1RevopsRoutingRulesRuleIdPutRequestBodyContentApplicationJsonStrategyValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/revops/routing-rules/{ruleId}"]["put"]["requestBody"]["content"]["application/json"]["strategy"]> = ["round_robin", "weighted"];
export const pathsApiV1SubjectsGetResponses200ContentApplicationJsonSubjectsStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/subjects"]["get"]["responses"]["200"]["content"]["application/json"]["subjects"]["status"]> = ["active", "disabled"];
export const pathsApiV1SubjectsPostRequestBodyContentApplicationJsonAttributesEmployment_typeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/subjects"]["post"]["requestBody"]["content"]["application/json"]["attributes"]["employment_type"]> = ["employee", "contractor", "intern"];
export const pathsApiV1SubjectsPostResponses201ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/subjects"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["active", "disabled"];
export const pathsApiV1SubjectsSubjectIdGetResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/subjects/{subjectId}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["active", "disabled"];
export const pathsApiV1SubjectsSubjectIdPatchRequestBodyContentApplicationJsonAttributesEmployment_typeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/subjects/{subjectId}"]["patch"]["requestBody"]["content"]["application/json"]["attributes"]["employment_type"]> = ["employee", "contractor", "intern"];
export const pathsApiV1SubjectsSubjectIdPatchRequestBodyContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/subjects/{subjectId}"]["patch"]["requestBody"]["content"]["application/json"]["status"]> = ["active", "disabled"];
export const pathsApiV1SubjectsSubjectIdPatchResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/subjects/{subjectId}"]["patch"]["responses"]["200"]["content"]["application/json"]["status"]> = ["active", "disabled"];
export const pathsApiV1TenantsGetResponses200ContentApplicationJsonTenantsConfigAllowed_regionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["get"]["responses"]["200"]["content"]["application/json"]["tenants"]["config"]["allowed_regions"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsGetResponses200ContentApplicationJsonTenantsConfigData_classesValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["get"]["responses"]["200"]["content"]["application/json"]["tenants"]["config"]["data_classes"]> = ["public", "internal", "confidential", "restricted"];
export const pathsApiV1TenantsGetResponses200ContentApplicationJsonTenantsConfigData_regionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["get"]["responses"]["200"]["content"]["application/json"]["tenants"]["config"]["data_region"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsGetResponses200ContentApplicationJsonTenantsConfigEnvValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["get"]["responses"]["200"]["content"]["application/json"]["tenants"]["config"]["env"]> = ["dev", "staging", "prod"];
export const pathsApiV1TenantsGetResponses200ContentApplicationJsonTenantsConfigRedaction_presetValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["get"]["responses"]["200"]["content"]["application/json"]["tenants"]["config"]["redaction_preset"]> = ["strict", "standard"];
export const pathsApiV1TenantsGetResponses200ContentApplicationJsonTenantsStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["get"]["responses"]["200"]["content"]["application/json"]["tenants"]["status"]> = ["active", "disabled", "purged"];
export const pathsApiV1TenantsPostRequestBodyContentApplicationJsonAdminAttributesEmployment_typeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["post"]["requestBody"]["content"]["application/json"]["admin"]["attributes"]["employment_type"]> = ["employee", "contractor", "intern"];
export const pathsApiV1TenantsPostRequestBodyContentApplicationJsonData_regionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["post"]["requestBody"]["content"]["application/json"]["data_region"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsPostRequestBodyContentApplicationJsonEnvValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["post"]["requestBody"]["content"]["application/json"]["env"]> = ["dev", "staging", "prod"];
export const pathsApiV1TenantsPostResponses201ContentApplicationJsonConfigAllowed_regionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["post"]["responses"]["201"]["content"]["application/json"]["config"]["allowed_regions"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsPostResponses201ContentApplicationJsonConfigData_classesValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["post"]["responses"]["201"]["content"]["application/json"]["config"]["data_classes"]> = ["public", "internal", "confidential", "restricted"];
export const pathsApiV1TenantsPostResponses201ContentApplicationJsonConfigData_regionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["post"]["responses"]["201"]["content"]["application/json"]["config"]["data_region"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsPostResponses201ContentApplicationJsonConfigEnvValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["post"]["responses"]["201"]["content"]["application/json"]["config"]["env"]> = ["dev", "staging", "prod"];
export const pathsApiV1TenantsPostResponses201ContentApplicationJsonConfigRedaction_presetValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["post"]["responses"]["201"]["content"]["application/json"]["config"]["redaction_preset"]> = ["strict", "standard"];
export const pathsApiV1TenantsPostResponses201ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants"]["post"]["responses"]["201"]["content"]["application/json"]["status"]> = ["active", "disabled", "purged"];
export const pathsApiV1TenantsIdGetResponses200ContentApplicationJsonConfigAllowed_regionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["config"]["allowed_regions"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdGetResponses200ContentApplicationJsonConfigData_classesValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["config"]["data_classes"]> = ["public", "internal", "confidential", "restricted"];
export const pathsApiV1TenantsIdGetResponses200ContentApplicationJsonConfigData_regionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["config"]["data_region"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdGetResponses200ContentApplicationJsonConfigEnvValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["config"]["env"]> = ["dev", "staging", "prod"];
export const pathsApiV1TenantsIdGetResponses200ContentApplicationJsonConfigRedaction_presetValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["config"]["redaction_preset"]> = ["strict", "standard"];
export const pathsApiV1TenantsIdGetResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["active", "disabled", "purged"];
export const pathsApiV1TenantsIdBrandingLogoPutRequestBodyContentApplicationJsonContent_typeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/branding/logo"]["put"]["requestBody"]["content"]["application/json"]["content_type"]> = ["image/png", "image/jpeg", "image/webp"];
export const pathsApiV1TenantsIdConfigGetResponses200ContentApplicationJsonAllowed_regionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["get"]["responses"]["200"]["content"]["application/json"]["allowed_regions"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdConfigGetResponses200ContentApplicationJsonData_classesValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["get"]["responses"]["200"]["content"]["application/json"]["data_classes"]> = ["public", "internal", "confidential", "restricted"];
export const pathsApiV1TenantsIdConfigGetResponses200ContentApplicationJsonData_regionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["get"]["responses"]["200"]["content"]["application/json"]["data_region"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdConfigGetResponses200ContentApplicationJsonEnvValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["get"]["responses"]["200"]["content"]["application/json"]["env"]> = ["dev", "staging", "prod"];
export const pathsApiV1TenantsIdConfigGetResponses200ContentApplicationJsonRedaction_presetValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["get"]["responses"]["200"]["content"]["application/json"]["redaction_preset"]> = ["strict", "standard"];
export const pathsApiV1TenantsIdConfigPatchRequestBodyContentApplicationJsonAllowed_regionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["patch"]["requestBody"]["content"]["application/json"]["allowed_regions"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdConfigPatchRequestBodyContentApplicationJsonData_classesValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["patch"]["requestBody"]["content"]["application/json"]["data_classes"]> = ["public", "internal", "confidential", "restricted"];
export const pathsApiV1TenantsIdConfigPatchRequestBodyContentApplicationJsonData_regionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["patch"]["requestBody"]["content"]["application/json"]["data_region"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdConfigPatchRequestBodyContentApplicationJsonEnvValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["patch"]["requestBody"]["content"]["application/json"]["env"]> = ["dev", "staging", "prod"];
export const pathsApiV1TenantsIdConfigPatchRequestBodyContentApplicationJsonRedaction_presetValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["patch"]["requestBody"]["content"]["application/json"]["redaction_preset"]> = ["strict", "standard"];
export const pathsApiV1TenantsIdConfigPatchResponses200ContentApplicationJsonAllowed_regionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["patch"]["responses"]["200"]["content"]["application/json"]["allowed_regions"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdConfigPatchResponses200ContentApplicationJsonData_classesValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["patch"]["responses"]["200"]["content"]["application/json"]["data_classes"]> = ["public", "internal", "confidential", "restricted"];
export const pathsApiV1TenantsIdConfigPatchResponses200ContentApplicationJsonData_regionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["patch"]["responses"]["200"]["content"]["application/json"]["data_region"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdConfigPatchResponses200ContentApplicationJsonEnvValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["patch"]["responses"]["200"]["content"]["application/json"]["env"]> = ["dev", "staging", "prod"];
export const pathsApiV1TenantsIdConfigPatchResponses200ContentApplicationJsonRedaction_presetValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/config"]["patch"]["responses"]["200"]["content"]["application/json"]["redaction_preset"]> = ["strict", "standard"];
export const pathsApiV1TenantsIdDisablePostResponses200ContentApplicationJsonConfigAllowed_regionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/disable"]["post"]["responses"]["200"]["content"]["application/json"]["config"]["allowed_regions"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdDisablePostResponses200ContentApplicationJsonConfigData_classesValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/disable"]["post"]["responses"]["200"]["content"]["application/json"]["config"]["data_classes"]> = ["public", "internal", "confidential", "restricted"];
export const pathsApiV1TenantsIdDisablePostResponses200ContentApplicationJsonConfigData_regionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/disable"]["post"]["responses"]["200"]["content"]["application/json"]["config"]["data_region"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdDisablePostResponses200ContentApplicationJsonConfigEnvValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/disable"]["post"]["responses"]["200"]["content"]["application/json"]["config"]["env"]> = ["dev", "staging", "prod"];
export const pathsApiV1TenantsIdDisablePostResponses200ContentApplicationJsonConfigRedaction_presetValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/disable"]["post"]["responses"]["200"]["content"]["application/json"]["config"]["redaction_preset"]> = ["strict", "standard"];
export const pathsApiV1TenantsIdDisablePostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/disable"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["active", "disabled", "purged"];
export const pathsApiV1TenantsIdEnablePostResponses200ContentApplicationJsonConfigAllowed_regionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/enable"]["post"]["responses"]["200"]["content"]["application/json"]["config"]["allowed_regions"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdEnablePostResponses200ContentApplicationJsonConfigData_classesValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/enable"]["post"]["responses"]["200"]["content"]["application/json"]["config"]["data_classes"]> = ["public", "internal", "confidential", "restricted"];
export const pathsApiV1TenantsIdEnablePostResponses200ContentApplicationJsonConfigData_regionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/enable"]["post"]["responses"]["200"]["content"]["application/json"]["config"]["data_region"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdEnablePostResponses200ContentApplicationJsonConfigEnvValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/enable"]["post"]["responses"]["200"]["content"]["application/json"]["config"]["env"]> = ["dev", "staging", "prod"];
export const pathsApiV1TenantsIdEnablePostResponses200ContentApplicationJsonConfigRedaction_presetValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/enable"]["post"]["responses"]["200"]["content"]["application/json"]["config"]["redaction_preset"]> = ["strict", "standard"];
export const pathsApiV1TenantsIdEnablePostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/enable"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["active", "disabled", "purged"];
export const pathsApiV1TenantsIdOverviewGetResponses200ContentApplicationJsonActivationsKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/overview"]["get"]["responses"]["200"]["content"]["application/json"]["activations"]["kind"]> = ["activate", "rollback"];
export const pathsApiV1TenantsIdOverviewGetResponses200ContentApplicationJsonConfigAllowed_regionsValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/overview"]["get"]["responses"]["200"]["content"]["application/json"]["config"]["allowed_regions"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdOverviewGetResponses200ContentApplicationJsonConfigData_classesValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/overview"]["get"]["responses"]["200"]["content"]["application/json"]["config"]["data_classes"]> = ["public", "internal", "confidential", "restricted"];
export const pathsApiV1TenantsIdOverviewGetResponses200ContentApplicationJsonConfigData_regionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/overview"]["get"]["responses"]["200"]["content"]["application/json"]["config"]["data_region"]> = ["eu", "us", "uk", "apac"];
export const pathsApiV1TenantsIdOverviewGetResponses200ContentApplicationJsonConfigEnvValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/overview"]["get"]["responses"]["200"]["content"]["application/json"]["config"]["env"]> = ["dev", "staging", "prod"];
export const pathsApiV1TenantsIdOverviewGetResponses200ContentApplicationJsonConfigRedaction_presetValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/overview"]["get"]["responses"]["200"]["content"]["application/json"]["config"]["redaction_preset"]> = ["strict", "standard"];
export const pathsApiV1TenantsIdOverviewGetResponses200ContentApplicationJsonKeysStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/overview"]["get"]["responses"]["200"]["content"]["application/json"]["keys"]["status"]> = ["active", "retired"];
export const pathsApiV1TenantsIdOverviewGetResponses200ContentApplicationJsonQuotasQuotaValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/overview"]["get"]["responses"]["200"]["content"]["application/json"]["quotas"]["quota"]> = ["runs", "exports"];
export const pathsApiV1TenantsIdOverviewGetResponses200ContentApplicationJsonStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/overview"]["get"]["responses"]["200"]["content"]["application/json"]["status"]> = ["active", "disabled", "purged"];
export const pathsApiV1TenantsIdPurgeRequestsPurgeIdApprovePostResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf0Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/purge-requests/{purgeId}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["subject"];
export const pathsApiV1TenantsIdPurgeRequestsPurgeIdApprovePostResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf1Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/purge-requests/{purgeId}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["entity"];
export const pathsApiV1TenantsIdPurgeRequestsPurgeIdApprovePostResponses200ContentApplicationJsonManifestAnyOf0ScopeAnyOf2Values: ReadonlyArray<Extract<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/purge-requests/{purgeId}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["manifest"], {
    scope: unknown;
}>["scope"]> = ["tenant"];
export const pathsApiV1TenantsIdPurgeRequestsPurgeIdApprovePostResponses200ContentApplicationJsonScopeAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/purge-requests/{purgeId}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["subject"];
export const pathsApiV1TenantsIdPurgeRequestsPurgeIdApprovePostResponses200ContentApplicationJsonScopeAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/purge-requests/{purgeId}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["entity"];
export const pathsApiV1TenantsIdPurgeRequestsPurgeIdApprovePostResponses200ContentApplicationJsonScopeAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/purge-requests/{purgeId}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["scope"]> = ["tenant"];
export const pathsApiV1TenantsIdPurgeRequestsPurgeIdApprovePostResponses200ContentApplicationJsonStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/purge-requests/{purgeId}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["requested"];
export const pathsApiV1TenantsIdPurgeRequestsPurgeIdApprovePostResponses200ContentApplicationJsonStatusAnyOf1Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/purge-requests/{purgeId}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["approved"];
export const pathsApiV1TenantsIdPurgeRequestsPurgeIdApprovePostResponses200ContentApplicationJsonStatusAnyOf2Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/purge-requests/{purgeId}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["done"];
export const pathsApiV1TenantsIdPurgeRequestsPurgeIdApprovePostResponses200ContentApplicationJsonStatusAnyOf3Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/purge-requests/{purgeId}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["denied"];
export const pathsApiV1TenantsIdPurgeRequestsPurgeIdApprovePostResponses200ContentApplicationJsonStatusAnyOf4Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/purge-requests/{purgeId}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["cancelled"];
export const pathsApiV1TenantsIdPurgeRequestsPurgeIdApprovePostResponses200ContentApplicationJsonStatusAnyOf5Values: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tenants/{id}/purge-requests/{purgeId}/approve"]["post"]["responses"]["200"]["content"]["application/json"]["status"]> = ["failed"];
