using Ocop.Web.Data;

namespace Ocop.Web.Tests;

/// <summary>When an in-memory snapshot (unit directory, product list) is reloaded, and by how many requests.</summary>
public class SnapshotCacheTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualClock clock = new();
    private int loads;
    private int checks;

    private Task<string> LoadAsync(CancellationToken ct) => Task.FromResult($"load {++loads}");

    private Func<string, CancellationToken, Task<bool>> Unchanged(bool answer) => (_, _) =>
    {
        checks++;
        return Task.FromResult(answer);
    };

    [Fact]
    public async Task A_snapshot_is_kept_for_its_version_and_reloaded_when_the_version_moves()
    {
        using var cache = new SnapshotCache<long, string>(clock);
        Assert.Equal("load 1", await cache.GetAsync(() => 1, LoadAsync, default));
        clock.Now += TimeSpan.FromSeconds(29);
        Assert.Equal("load 1", await cache.GetAsync(() => 1, LoadAsync, default));
        Assert.Equal("load 2", await cache.GetAsync(() => 2, LoadAsync, default));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task An_old_snapshot_is_checked_and_kept_while_the_database_is_unchanged()
    {
        using var cache = new SnapshotCache<long, string>(clock);
        await cache.GetAsync(() => 1, LoadAsync, default, Unchanged(true));
        clock.Now += UnitDirectory.MaxAge;
        Assert.Equal("load 1", await cache.GetAsync(() => 1, LoadAsync, default, Unchanged(true)));
        // The check counts as fresh: the next requests within the age ask nothing.
        clock.Now += TimeSpan.FromSeconds(10);
        Assert.Equal("load 1", await cache.GetAsync(() => 1, LoadAsync, default, Unchanged(true)));
        Assert.Equal((1, 1), (loads, checks));
    }

    [Fact]
    public async Task An_old_snapshot_is_reloaded_when_the_database_changed_or_when_there_is_no_check()
    {
        using var cache = new SnapshotCache<long, string>(clock);
        await cache.GetAsync(() => 1, LoadAsync, default, Unchanged(false));
        clock.Now += UnitDirectory.MaxAge;
        Assert.Equal("load 2", await cache.GetAsync(() => 1, LoadAsync, default, Unchanged(false)));
        clock.Now += UnitDirectory.MaxAge;
        Assert.Equal("load 3", await cache.GetAsync(() => 1, LoadAsync, default));
    }

    [Fact]
    public async Task While_one_request_reloads_an_old_snapshot_the_others_answer_from_it()
    {
        using var cache = new SnapshotCache<long, string>(clock);
        await cache.GetAsync(() => 1, LoadAsync, default);
        clock.Now += UnitDirectory.MaxAge;
        var reloading = new TaskCompletionSource<string>();
        var slow = cache.GetAsync(() => 1, _ => reloading.Task, default);

        Assert.Equal("load 1", await cache.GetAsync(() => 1, LoadAsync, default));
        reloading.SetResult("reloaded");
        Assert.Equal("reloaded", await slow);
        Assert.Equal("reloaded", await cache.GetAsync(() => 1, LoadAsync, default));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task After_a_save_every_request_waits_for_the_one_reload()
    {
        using var cache = new SnapshotCache<long, string>(clock);
        await cache.GetAsync(() => 1, LoadAsync, default);
        var reloading = new TaskCompletionSource<string>();
        var first = cache.GetAsync(() => 2, _ => reloading.Task, default);
        var second = cache.GetAsync(() => 2, LoadAsync, default);

        Assert.False(second.IsCompleted);
        reloading.SetResult("after the save");
        Assert.Equal(("after the save", "after the save"), (await first, await second));
        Assert.Equal(1, loads);
    }
}
