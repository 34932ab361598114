using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package) that keeps every message it accepts, parsed with
/// MimeKit, so a test sees exactly what a mail server would have been handed.
/// </summary>
public sealed class SmtpCatcher : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    private SmtpCatcher(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> All => _store.All;

    /// <summary>The settings that point the product's mail at this server.</summary>
    public IDictionary<string, string?> ProductSettings(string prefix = "Mail:") => new Dictionary<string, string?>
    {
        [$"{prefix}Smtp:Host"] = "127.0.0.1",
        [$"{prefix}Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{prefix}Smtp:Security"] = "None",
        [$"{prefix}PollSeconds"] = "0.1",
        [$"{prefix}RetryBaseSeconds"] = "0.2",
        [$"{prefix}AppUrl"] = "https://bar.example.com/app",
    };

    public static SmtpCatcher Start(int? port = null) => new(port ?? Loopback.FreePort());

    /// <summary>The first mail that matches, waiting for it up to a deadline.</summary>
    public Task<MimeMessage> NextAsync(Func<MimeMessage, bool> matches, TimeSpan? within = null) =>
        Eventually.Found(() => Task.FromResult(All.FirstOrDefault(matches)), $"a mail at the loopback SMTP server (it has {All.Count})", within ?? TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what we asked for.
        }

        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        private readonly List<MimeMessage> _all = [];

        public IReadOnlyList<MimeMessage> All
        {
            get
            {
                lock (_all)
                {
                    return _all.ToList();
                }
            }
        }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (_all)
            {
                _all.Add(message);
            }

            return SmtpResponse.Ok;
        }
    }
}
