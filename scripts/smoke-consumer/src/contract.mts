// The contract-tests library as another team's test suite uses it (type-check only).
import { createValidator, type ValidationResult } from '@veeam-rest/contract-tests';
import { startMockServer, type MockServer } from '@veeam-rest/contract-tests/mock';

export async function check(body: string): Promise<ValidationResult> {
  const v = await createValidator();
  try {
    return await v.validate({ product: 'm365', method: 'GET', url: '/v3/JobSessions', status: 200, contentType: 'application/json', body });
  } finally {
    await v.close();
  }
}
export async function mock(): Promise<MockServer> {
  return startMockServer({ product: 'enterprise-manager', port: 0 });
}
