// A minimal Microsoft 365 Agents SDK agent that understands what users say with synthnlu's recognizer, trained
// on a dataset (any format synthnlu reads). Run it from the repository: npm run example:agents
// See README.md beside this file.
import {createServer} from 'node:http';
import {fileURLToPath} from 'node:url';
import {AgentApplication, CloudAdapter} from '@microsoft/agents-hosting';
import {createSynthnluRecognizer} from 'synthnlu';

const dataset = process.argv[2] ?? fileURLToPath(new URL('../customer-support.yaml', import.meta.url));
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3978);

// Trained once, then loaded from the cache (keyed by the dataset's content).
const recognizer = await createSynthnluRecognizer(dataset, {sdk: 'agents'});

// Without clientId in the environment the adapter is anonymous (local testing); with clientId, clientSecret and
// tenantId set (an Azure Bot registration), every request must carry a valid token.
const adapter = new CloudAdapter();
const agent = new AgentApplication({adapter});

agent.onActivity('message', async (context) => {
  const result = await recognizer.recognize(context); // RecognizerResult: intents, scores, entities
  if (result.belowThreshold) {
    await context.sendActivity(`Sorry, I did not understand that (best guess: ${result.topIntent}).`);
    return;
  }
  const entities = Object.entries(result.entities.$instance).flatMap(([name, found]) =>
    found.map((instance) => `${name}="${instance.text}"`),
  );
  const score = Math.round(result.topScore * 100);
  await context.sendActivity(
    `Intent ${result.topIntent} (${score}%)${entities.length > 0 ? `, ${entities.join(', ')}` : ''}`,
  );
});

// The HTTP endpoint. With express, `startServer(agent)` from @microsoft/agents-hosting-express does the same.
function webResponse(response) {
  return {
    get headersSent() {
      return response.headersSent;
    },
    get writableEnded() {
      return response.writableEnded;
    },
    status(code) {
      response.statusCode = code;
      return this;
    },
    setHeader(name, value) {
      response.setHeader(name, value);
      return this;
    },
    send(body) {
      if (body === undefined) return this;
      if (typeof body === 'string') response.write(body);
      else {
        response.setHeader('content-type', 'application/json');
        response.write(JSON.stringify(body));
      }
      return this;
    },
    end() {
      response.end();
      return this;
    },
  };
}

const server = createServer(async (incoming, outgoing) => {
  if (incoming.method !== 'POST' || incoming.url !== '/api/messages') {
    outgoing.statusCode = 404;
    outgoing.end();
    return;
  }
  let text = '';
  for await (const chunk of incoming) text += chunk;
  const request = {headers: incoming.headers, method: incoming.method};
  try {
    request.body = JSON.parse(text);
  } catch {
    outgoing.statusCode = 400;
    outgoing.end('The body is not JSON.\n');
    return;
  }
  const response = webResponse(outgoing);
  let authorized = false;
  await adapter.authorizeRequest(request, response, () => (authorized = true));
  if (!authorized) return void response.end();
  try {
    await adapter.process(request, response, (context) => agent.run(context));
  } catch (error) {
    console.error(`Could not process the activity: ${error.message}`);
    if (!outgoing.headersSent) outgoing.statusCode = 500;
    outgoing.end();
  }
});

server.listen(port, host, () => {
  const url = `http://${host}:${server.address().port}/api/messages`;
  console.log(`Agent listening on ${url}`);
  console.log(
    `Try: curl -H 'Content-Type: application/json' -d '{"type":"message","text":"where is my order 123456","channelId":"curl","from":{"id":"me"},"recipient":{"id":"agent"},"conversation":{"id":"try"},"deliveryMode":"expectReplies"}' ${url}`,
  );
});
