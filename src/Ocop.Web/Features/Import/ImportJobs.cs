using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Import;

/// <summary>One dry run or commit of an uploaded file, run in the background; its page shows its progress until it ends.</summary>
public sealed class ImportJob
{
    private int done;

    public required Guid Id { get; init; }
    public required string UserId { get; init; }
    public required ImportKind Kind { get; init; }
    public required string FileName { get; init; }
    public required ImportSheet Sheet { get; init; }
    /// <summary>The file as uploaded, kept so that a dry run's file can be committed without uploading it again.</summary>
    public required byte[] File { get; init; }
    public required bool Commit { get; init; }
    public required DateTime StartedAt { get; init; }
    public int Total => Sheet.Rows.Count;
    public int Done => Volatile.Read(ref done);
    public ImportReport? Report { get; internal set; }
    /// <summary>Why the run ended without a report (nothing was written).</summary>
    public string? Failure { get; internal set; }
    public bool Finished => Report is not null || Failure is not null;

    internal void Progress(int rows) => Volatile.Write(ref done, rows);
}

/// <summary>
/// Imports run in the background, one DI scope each, under the user who started them (their scope for access, their
/// name in the audit trail), so that a long file shows its progress instead of holding a request open. Jobs are kept in
/// memory for <see cref="KeptFor"/>: a restart forgets them, and an unfinished commit then wrote nothing (one transaction).
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, ILogger<ImportJobs> log, TimeProvider clock)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<Guid, ImportJob> jobs = new();

    public ImportJob Start(UserScope scope, string userName, ImportKind kind, string fileName, ImportSheet sheet, byte[] file, bool commit)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in jobs.Values.Where(j => now - j.StartedAt > KeptFor))
        {
            jobs.TryRemove(old.Id, out _);
        }

        var job = new ImportJob
        {
            Id = Guid.NewGuid(),
            UserId = scope.UserId,
            Kind = kind,
            FileName = fileName,
            Sheet = sheet,
            File = file,
            Commit = commit,
            StartedAt = now,
        };
        jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, scope, userName));
        return job;
    }

    /// <summary>The user's own job; another user's answers null, exactly like a missing one.</summary>
    public ImportJob? Get(Guid id, string userId) => jobs.TryGetValue(id, out var job) && job.UserId == userId ? job : null;

    private async Task RunAsync(ImportJob job, UserScope scope, string userName)
    {
        try
        {
            using var services = scopes.CreateScope();
            var fullName = await services.ServiceProvider.GetRequiredService<OcopDbContext>().Users.AsNoTracking()
                .Where(u => u.Id == scope.UserId).Select(u => u.FullName).SingleOrDefaultAsync();
            services.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(scope.UserId, userName, fullName);
            var run = services.ServiceProvider.GetRequiredService<ImportRun>();
            job.Report = await run.RunAsync(job.Kind, job.FileName, job.Sheet, scope, job.Commit, new Progress(job));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "Import {Kind} of {File} failed", job.Kind, job.FileName);
            job.Failure = "Nhập không thành công; không có dòng nào được ghi. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống.";
        }
    }

    private sealed class Progress(ImportJob job) : IProgress<int>
    {
        public void Report(int value) => job.Progress(value);
    }
}
