/**
 * Application Default Credentials, checked before any Dialogflow call: without them google-auth-library rejects
 * a promise nobody awaits, and the process dies with its stack trace. A newcomer's first `push --dry-run` must
 * instead say how to authenticate.
 */
import {ExitCode, SynthnluError} from '../../../src/errors.js';

/** google-auth-library's NO_ADC_FOUND message (GoogleAuthExceptionMessages), matched by its stable start. */
const NO_ADC = /Could not load the default credentials/;

export function isMissingCredentials(error: unknown): boolean {
  return error instanceof Error && NO_ADC.test(error.message);
}

export function missingCredentialsError(): SynthnluError {
  return new SynthnluError('DIALOGFLOW_NO_CREDENTIALS', 'no Google credentials to reach Dialogflow', {
    exitCode: ExitCode.badInput,
    suggestion:
      'Authenticate one of three ways: pass --key-file service-account.json; set GOOGLE_APPLICATION_CREDENTIALS to that file; or run `gcloud auth application-default login`.',
  });
}

/** Resolves the Application Default Credentials the Dialogflow client would use, or fails with how to set them. */
export async function checkApplicationDefaultCredentials(): Promise<void> {
  const {GoogleAuth} = await import('google-gax');
  try {
    await new GoogleAuth({scopes: ['https://www.googleapis.com/auth/cloud-platform']}).getClient();
  } catch (error) {
    if (isMissingCredentials(error)) throw missingCredentialsError();
    throw error;
  }
}
