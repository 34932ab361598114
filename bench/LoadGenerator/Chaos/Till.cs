using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench.Chaos;

/// <summary>
/// Sends one movement the way a careful POS does: the same key on every resend, to the next Api node after a
/// failure, honouring Retry-After (up to a cap, as a till with a customer waiting would), until it is
/// acknowledged, refused as bad input, or given up.
/// </summary>
public sealed class Till(ApiNodes nodes, Acknowledgements book, Stopwatch clock, TimeSpan giveUp)
{
    private static readonly TimeSpan RetryAfterCap = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ResendPause = TimeSpan.FromMilliseconds(100);

    // An answer slower than this counts as disturbed when recovery is measured.
    private const double SlowSeconds = 1.0;

    public async Task Send(Movement movement, int homeNode)
    {
        book.Sending();
        var sentAt = clock.Elapsed.TotalSeconds;
        var troubled = false;
        for (var attempt = 0; ; attempt++)
        {
            if (clock.Elapsed.TotalSeconds - sentAt > giveUp.TotalSeconds)
            {
                book.GiveUp(movement);
                return;
            }

            var node = nodes.Pick(homeNode + attempt);
            using var request = new HttpRequestMessage(HttpMethod.Post, movement.Path) { Content = JsonContent.Create(movement.Body) };
            if (movement.Kind == "transfer")
            {
                request.Headers.Add("Idempotency-Key", movement.Key);
            }

            HttpResponseMessage response;
            try
            {
                response = await nodes[node].SendAsync(request);
            }
            catch (HttpRequestException error)
            {
                // Refused or reset: the node is down or died mid-request; the resend goes elsewhere.
                book.TransportError($"{nodes[node].BaseAddress}: {error.Message}");
                nodes.MarkFailed(node);
                troubled = true;
                await Task.Delay(ResendPause);
                continue;
            }
            catch (TaskCanceledException)
            {
                book.Timeout();
                troubled = true;
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status == 201)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonNode>();
                    var answeredAt = clock.Elapsed.TotalSeconds;
                    var movementId = Guid.Parse(body!["data"]!["movementId"]!.GetValue<string>());
                    troubled |= answeredAt - sentAt > SlowSeconds;
                    book.Acknowledge(
                        new Acknowledgement(movement, movementId, node, sentAt, answeredAt, attempt + 1, troubled),
                        response.Headers.Contains("Idempotent-Replayed"));
                    return;
                }

                troubled = true;
                var text = await response.Content.ReadAsStringAsync();
                if (status is 503 or 429)
                {
                    var retryAfter = response.Headers.RetryAfter?.Delta;
                    if (status == 503)
                    {
                        book.Unavailable503(clock.Elapsed.TotalSeconds, retryAfter is not null);
                    }
                    else
                    {
                        book.TooMany();
                    }

                    await Task.Delay(retryAfter is { } wait && wait < RetryAfterCap ? wait : RetryAfterCap);
                }
                else if (status >= 500 || status == (int)HttpStatusCode.RequestTimeout)
                {
                    book.ServerError(status, text);
                    await Task.Delay(ResendPause);
                }
                else
                {
                    // A client error means the driver sent something wrong: resending cannot help.
                    book.Refuse(status, text);
                    return;
                }
            }
        }
    }
}
