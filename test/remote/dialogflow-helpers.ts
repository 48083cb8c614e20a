import {runCommand} from '@oclif/test';
import {join} from 'node:path';
import {ROOT} from '../helpers/cli.js';
import type {DialogflowTestServer} from '../support/dialogflow-server/server.js';

export const PROJECT = 'synthnlu-test';
export const PARENT = `projects/${PROJECT}/agent`;

/** Runs a command in process against the local server; retries use tiny delays so faults cost milliseconds. */
export async function dialogflowCommand(server: DialogflowTestServer, args: string[]) {
  return runCommand(
    [...args, '--endpoint', `http://127.0.0.1:${server.port}`, '--project', PROJECT, '--retry-base-ms', '1'],
    {
      root: ROOT,
    },
  );
}

export const SPEC = join(ROOT, 'examples/customer-support.yaml');
