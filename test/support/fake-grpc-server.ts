/**
 * The machinery shared by the local gRPC servers the push tests run real Google clients against: services
 * loaded from a client package's own .proto files, call counting and logging, recorded requests, fault injection
 * (an error instead of the answer, or after applying the request), and long-running operations answered done.
 */
import {randomUUID} from 'node:crypto';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';

const require = createRequire(import.meta.url);
// google-gax does not export its package.json: walk up from its entry point to the package folder.
export const GAX_PROTOS = join(
  require.resolve('google-gax').replace(/(node_modules[\\/]google-gax)[\\/].*$/, '$1'),
  'build',
  'protos',
);
const TYPE_PREFIX = 'type.googleapis.com/';

export interface Fault {
  /** Method name as in the proto: BatchUpdateIntents, CreateIntent, ListIntents, ExportAgent... */
  method: string;
  code: grpc.status;
  /** How many calls fail (default 1); Infinity for a persistent fault. */
  times?: number;
  /** Let this many calls of the method succeed first. */
  after?: number;
  /** Apply the request, then answer with the error (a response lost to a deadline: the retry must be idempotent). */
  applyFirst?: boolean;
  /** The error's message (default "injected <STATUS>"): a server or proxy quoting what it was sent. */
  details?: string;
}

export type Handlers = Record<string, (request: never) => unknown>;

export abstract class FakeGrpcServer {
  readonly calls = new Map<string, number>();
  /** Methods in the order they were called, for ordering assertions (backup before the first write). */
  readonly callLog: string[] = [];
  /** Every request body per method, for assertions. */
  readonly requests = new Map<string, unknown[]>();
  readonly #faults: (Fault & {seen: number; failed: number})[] = [];
  readonly #server = new grpc.Server();
  #root!: protobuf.Root;
  port = 0;

  /** Methods that do not change state (writeCalls() leaves them out). */
  protected abstract readonly reads: ReadonlySet<string>;

  callCount(method: string): number {
    return this.calls.get(method) ?? 0;
  }

  /** Calls that change agent state. */
  writeCalls(): number {
    let total = 0;
    for (const [method, count] of this.calls) if (!this.reads.has(method)) total += count;
    return total;
  }

  injectFault(fault: Fault): void {
    this.#faults.push({...fault, seen: 0, failed: 0});
  }

  clearFaults(): void {
    this.#faults.length = 0;
  }

  resetCounts(): void {
    this.calls.clear();
    this.callLog.length = 0;
    this.requests.clear();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.tryShutdown(() => resolve()));
    this.#server.forceShutdown();
  }

  /**
   * Loads the services from `protoFiles` (their package at `servicePath`, e.g. google.cloud.dialogflow.v2),
   * serves `services` (by proto service name) plus Operations, and binds 127.0.0.1 on a free port.
   */
  protected async listen(options: {
    protoFiles: string[];
    includeDir: string;
    protosJson: string;
    servicePath: string[];
    services: Record<string, Handlers>;
  }): Promise<void> {
    const definition = protoLoader.loadSync(
      [...options.protoFiles, join(GAX_PROTOS, 'google/longrunning/operations.proto')],
      {
        includeDirs: [options.includeDir, GAX_PROTOS],
        keepCase: false,
        longs: String,
        enums: String,
        defaults: false,
        oneofs: true,
      },
    );
    const loaded = grpc.loadPackageDefinition(definition) as unknown as Record<string, unknown>;
    let services = loaded as Record<string, unknown>;
    for (const key of options.servicePath) services = services[key] as Record<string, unknown>;
    this.#root = protobuf.Root.fromJSON(require(options.protosJson));
    for (const [name, handlers] of Object.entries(options.services))
      this.#server.addService(
        (services[name] as {service: grpc.ServiceDefinition}).service,
        this.#wrap(handlers),
      );
    const operations = (loaded.google as {longrunning: {Operations: {service: grpc.ServiceDefinition}}})
      .longrunning;
    this.#server.addService(
      operations.Operations.service,
      this.#wrap({GetOperation: (request: {name: string}) => ({name: request.name, done: true})}),
    );
    this.port = await new Promise<number>((resolve, reject) =>
      this.#server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
  }

  /** A long-running operation that is already done, with its response packed as the client expects. */
  protected done(typeName: string, value: Record<string, unknown> = {}): unknown {
    const type = this.#root.lookupType(typeName);
    const encoded = type.encode(type.fromObject(value)).finish();
    return {
      name: `operations/${randomUUID()}`,
      done: true,
      response: {typeUrl: TYPE_PREFIX + typeName, value: Buffer.from(encoded)},
    };
  }

  /** Turns plain handlers into unary gRPC handlers with call counting and fault injection. */
  #wrap(handlers: Handlers): grpc.UntypedServiceImplementation {
    const implementation: grpc.UntypedServiceImplementation = {};
    for (const [method, handler] of Object.entries(handlers)) {
      implementation[method[0]!.toLowerCase() + method.slice(1)] = (
        call: grpc.ServerUnaryCall<unknown, unknown>,
        callback: grpc.sendUnaryData<unknown>,
      ) => {
        this.calls.set(method, this.callCount(method) + 1);
        this.callLog.push(method);
        this.requests.set(method, [...(this.requests.get(method) ?? []), call.request]);
        const fault = this.#faults.find(
          (f) => f.method === method && f.failed < (f.times ?? 1) && f.seen++ >= (f.after ?? 0),
        );
        const fail = () => {
          fault!.failed++;
          callback({
            code: fault!.code,
            details: fault!.details ?? `injected ${grpc.status[fault!.code]}`,
          } as grpc.ServiceError);
        };
        if (fault && !fault.applyFirst) return fail();
        Promise.resolve()
          .then(() => handler(call.request as never))
          .then(
            (response) => (fault ? fail() : callback(null, response)),
            (error: {code?: number; message: string}) =>
              callback({
                code: error.code ?? grpc.status.INTERNAL,
                details: error.message,
              } as grpc.ServiceError),
          );
      };
    }
    return implementation;
  }
}

export function notFound(name: string) {
  return {code: grpc.status.NOT_FOUND, message: `${name} not found`};
}
