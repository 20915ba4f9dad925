using System.Threading.Channels;
using Npgsql;

namespace Ocop.Web.Data;

/// <summary>
/// The names of the cache versions that move together on every instance, and the hook the version counters call when
/// a save here moves one (<see cref="DirectoryVersion"/>, <see cref="RegistryListVersion"/>, <see cref="SessionVersion"/>).
/// </summary>
public static class CacheVersionMoves
{
    public const string Directory = "directory";
    public const string RegistryLists = "lists";
    public const string Sessions = "sessions";

    /// <summary>This process, as named in notifications: its own are not applied twice.</summary>
    public static readonly string ProcessId = Guid.NewGuid().ToString("N");

    public static event Action<string>? Changed;

    internal static void Moved(string name) => Changed?.Invoke(name);

    /// <summary>Moves one version because another instance saved what it covers.</summary>
    public static void MoveForPeer(string name)
    {
        switch (name)
        {
            case Directory:
                DirectoryVersion.MoveForPeer();
                break;
            case RegistryLists:
                RegistryListVersion.MoveForPeer();
                break;
            case Sessions:
                SessionVersion.MoveForPeer();
                break;
        }
    }

    /// <summary>After a lost connection, notifications may have been missed: every cache reloads.</summary>
    public static void MoveAllForPeer()
    {
        DirectoryVersion.MoveForPeer();
        RegistryListVersion.MoveForPeer();
        SessionVersion.MoveForPeer();
    }
}

/// <summary>
/// Keeps the in-memory caches of several app instances on one PostgreSQL database in step (ADR 0010): a version moved
/// here is sent with <c>NOTIFY</c> on one channel after the save committed, and every instance <c>LISTEN</c>s and moves
/// its own. PostgreSQL delivers a notification in milliseconds; a dropped connection reconnects and reloads every cache.
/// SQLite is one process's file, so there it does nothing.
/// </summary>
public sealed class CacheVersionNotifications(IConfiguration config, ILogger<CacheVersionNotifications> log) : BackgroundService
{
    public const string Channel = "ocop_cache_versions";

    private readonly Channel<string> outgoing = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = config.GetConnectionString("Postgres");
        if (!DatabaseSetup.UsesPostgres(config) || string.IsNullOrEmpty(connectionString))
        {
            return;
        }

        // Own connections outside the pool: a LISTEN must stay on one session, and notifying never waits for a request's turn.
        var dedicated = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        CacheVersionMoves.Changed += Enqueue;
        try
        {
            await Task.WhenAll(ListenAsync(dedicated, stoppingToken), NotifyAsync(dedicated, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            CacheVersionMoves.Changed -= Enqueue;
        }
    }

    private void Enqueue(string name) => outgoing.Writer.TryWrite(name);

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        var first = true;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) =>
                {
                    var separator = e.Payload.IndexOf(':', StringComparison.Ordinal);
                    if (separator > 0 && e.Payload[..separator] != CacheVersionMoves.ProcessId)
                    {
                        CacheVersionMoves.MoveForPeer(e.Payload[(separator + 1)..]);
                    }
                };
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                if (!first)
                {
                    CacheVersionMoves.MoveAllForPeer();
                }

                first = false;
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                log.LogWarning(e, "Cache notifications: listening failed; reconnecting in 1 s.");
                first = false;
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private async Task NotifyAsync(string connectionString, CancellationToken ct)
    {
        NpgsqlConnection? connection = null;
        try
        {
            while (await outgoing.Reader.WaitToReadAsync(ct))
            {
                // Several moves queued at once go as one notification each name, not one each save.
                var names = new HashSet<string>(StringComparer.Ordinal);
                while (outgoing.Reader.TryRead(out var name))
                {
                    names.Add(name);
                }

                try
                {
                    if (connection is null)
                    {
                        connection = new NpgsqlConnection(connectionString);
                        await connection.OpenAsync(ct);
                    }

                    foreach (var name in names)
                    {
                        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                        notify.Parameters.AddWithValue("channel", Channel);
                        notify.Parameters.AddWithValue("payload", CacheVersionMoves.ProcessId + ":" + name);
                        await notify.ExecuteNonQueryAsync(ct);
                    }
                }
                catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
                {
                    // The others then see this change only when their caches expire (UnitDirectory.MaxAge); say so.
                    log.LogWarning(e, "Cache notifications: could not notify the other instances of {Names}.", string.Join(", ", names));
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
