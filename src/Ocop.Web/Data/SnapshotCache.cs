namespace Ocop.Web.Data;

/// <summary>
/// One value built from the database and held in memory (<see cref="UnitDirectory"/>, the product list), valid for one
/// version of what it was built from. After a save here moves the version, every request waits for the one reload, so
/// none answers from the rows before the save. Once older than <see cref="UnitDirectory.MaxAge"/> (which bounds what a
/// change written outside this process could miss), the first request to notice reloads it while the others still
/// answer from the old value: under load, sixteen requests no longer rebuild the same thing side by side. A cheap
/// <c>unchanged</c> test, when given, spares that reload while the database still holds what the value was built from.
/// </summary>
public sealed class SnapshotCache<TVersion, T>(TimeProvider clock) : IDisposable
    where TVersion : IEquatable<TVersion>
    where T : class
{
    private sealed record Held(T Value, TVersion Version, DateTimeOffset LoadedAt);

    private volatile Held? held;
    private readonly SemaphoreSlim loading = new(1, 1);

    /// <param name="versionNow">
    /// Reads the version now. It is read again after waiting, so a request that waited does not label a fresh load with
    /// the version from before; and before the rows, so a save committed while they load causes another reload.
    /// </param>
    public async Task<T> GetAsync(
        Func<TVersion> versionNow, Func<CancellationToken, Task<T>> load, CancellationToken ct, Func<T, CancellationToken, Task<bool>>? unchanged = null)
    {
        var version = versionNow();
        var current = held;
        if (current is not null && current.Version.Equals(version))
        {
            if (clock.GetUtcNow() - current.LoadedAt < UnitDirectory.MaxAge || !loading.Wait(0, ct))
            {
                return current.Value;
            }

            try
            {
                if (unchanged is not null && await unchanged(current.Value, ct))
                {
                    held = current with { LoadedAt = clock.GetUtcNow() };
                    return current.Value;
                }

                return await LoadAsync(version, load, ct);
            }
            finally
            {
                loading.Release();
            }
        }

        await loading.WaitAsync(ct);
        try
        {
            version = versionNow();
            current = held;
            return current is not null && current.Version.Equals(version) ? current.Value : await LoadAsync(version, load, ct);
        }
        finally
        {
            loading.Release();
        }
    }

    public void Dispose() => loading.Dispose();

    private async Task<T> LoadAsync(TVersion version, Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        var loadedAt = clock.GetUtcNow();
        var value = await load(ct);
        held = new Held(value, version, loadedAt);
        return value;
    }
}
