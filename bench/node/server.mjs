// A bare Canvas Kit server in the manner of the one issue 11 compares this app with, for bench/perf.sh to measure
// beside it on the same machine and stubs: on each panel initialize it asks the platform for the contact's email
// and answers a canvas of a few text rows. It checks no signature, caches nothing, stores nothing, syncs nothing.
// Node's own http module and fetch: nothing to install.
//   PORT=8081 PLATFORM_API_URL=http://127.0.0.1:8089 node bench/node/server.mjs
import http from 'node:http';

const platform = process.env.PLATFORM_API_URL;

function text(value) {
  return { type: 'text', text: value, style: 'paragraph' };
}

async function canvasFor(email) {
  if (!email) {
    return [text('This contact has no email.')];
  }
  const response = await fetch(`${platform}/v1/clients?email=${encodeURIComponent(email)}`);
  if (!response.ok) {
    return [text(`The platform answered ${response.status}.`)];
  }
  const client = (await response.json()).clients?.[0];
  if (!client) {
    return [text('No client with this email.')];
  }
  const unpaid = (client.invoices ?? []).filter((invoice) => invoice.status === 'unpaid');
  const therapist = (client.careTeam ?? []).find((member) => member.primary)?.name ?? '—';
  return [
    text(`*${client.firstName} ${client.lastName}*`),
    text(`Status: ${client.status}`),
    text(`Therapist: ${therapist}`),
    text(`Unpaid invoices: ${unpaid.length}`),
    text(`Sessions: ${(client.appointments ?? []).length}`),
  ];
}

http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/q/health/ready') {
    response.writeHead(200).end('{"status":"UP"}');
    return;
  }
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}');
      const components = await canvasFor(body.contact?.email);
      response.writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ canvas: { content: { components } } }));
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ error: String(error) }));
    }
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
