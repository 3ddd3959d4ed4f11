// Reports the public address the function's traffic leaves from: the Elastic IP of its zone's
// NAT gateway (a function in a VPC never has a public address of its own). The request has a
// short timeout: without a route out it would otherwise hang until the function times out.
export async function handler() {
    const response = await fetch(process.env.CHECK_URL, { signal: AbortSignal.timeout(3000) });
    return { statusCode: response.status, body: JSON.stringify({ egressAddress: (await response.text()).trim() }) };
}
