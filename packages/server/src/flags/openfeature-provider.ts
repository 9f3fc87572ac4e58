import { ErrorCode, OpenFeature, type Client, type EvaluationContext, type JsonValue, type Provider, type ResolutionDetails } from '@openfeature/server-sdk';
import type { FlagService } from './flag-service.ts';

/** The OpenFeature domain CompanyOS registers its provider under. */
export const OPENFEATURE_DOMAIN = 'companyos';

/**
 * An OpenFeature server provider over the in-process evaluator. The tenant comes from the
 * request context (like every storage call), never from the evaluation context, so a caller
 * cannot evaluate another tenant's flags by naming it.
 */
export class CompanyOsProvider implements Provider {
  readonly metadata = { name: 'companyos' } as const;
  readonly runsOn = 'server' as const;

  constructor(private readonly service: () => FlagService) {}

  resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: EvaluationContext): Promise<ResolutionDetails<boolean>> {
    return this.resolve(flagKey, defaultValue, context, (v): v is boolean => typeof v === 'boolean');
  }

  resolveStringEvaluation(flagKey: string, defaultValue: string, context: EvaluationContext): Promise<ResolutionDetails<string>> {
    return this.resolve(flagKey, defaultValue, context, (v): v is string => typeof v === 'string');
  }

  resolveNumberEvaluation(flagKey: string, defaultValue: number, context: EvaluationContext): Promise<ResolutionDetails<number>> {
    return this.resolve(flagKey, defaultValue, context, (v): v is number => typeof v === 'number');
  }

  resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T, context: EvaluationContext): Promise<ResolutionDetails<T>> {
    return this.resolve(flagKey, defaultValue, context, (v): v is T => v !== null && typeof v === 'object');
  }

  private async resolve<T>(flagKey: string, defaultValue: T, context: EvaluationContext, isT: (v: unknown) => v is T): Promise<ResolutionDetails<T>> {
    const { targetingKey, subject, ...rest } = context;
    const result = await this.service().evaluate(flagKey, {
      targetingKey,
      subject: subject !== null && typeof subject === 'object' && !Array.isArray(subject) ? (subject as Record<string, unknown>) : undefined,
      context: rest,
    });
    const flagMetadata = { detail: result.detail };
    if (result.error_code === 'FLAG_NOT_FOUND') return { value: defaultValue, reason: 'ERROR', errorCode: ErrorCode.FLAG_NOT_FOUND, errorMessage: result.detail, flagMetadata };
    if (!isT(result.value)) {
      return { value: defaultValue, reason: 'ERROR', errorCode: ErrorCode.TYPE_MISMATCH, errorMessage: `${flagKey} is not of the requested type`, flagMetadata };
    }
    return { value: result.value, reason: result.reason, flagMetadata, ...(result.variant !== null ? { variant: result.variant } : {}) };
  }
}

/** Registers the provider under the CompanyOS domain; code then asks `featureClient()`. */
export async function registerOpenFeature(service: () => FlagService): Promise<void> {
  await OpenFeature.setProviderAndWait(OPENFEATURE_DOMAIN, new CompanyOsProvider(service));
}

/** The standard OpenFeature client bound to CompanyOS flags. */
export function featureClient(): Client {
  return OpenFeature.getClient(OPENFEATURE_DOMAIN);
}
