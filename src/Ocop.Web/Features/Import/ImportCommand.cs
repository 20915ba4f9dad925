using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Import;

/// <summary>
/// <c>import &lt;kind&gt; &lt;file.xlsx&gt; --user &lt;administrator&gt; [--dry-run]</c>: the import of the pages for an
/// administrator at the server (a first load of an office's lists, say). The same rows, rules and one transaction; the
/// changes are audited under the named administrator. Prints the counts, each refused row with its reasons, and writes
/// the copy of the file with every row's outcome beside it (file-ket-qua.xlsx).
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";

    /// <summary>Exit codes: imported (or dry run done); refused (no such user, not an administrator, unreadable file); wrong use.</summary>
    public const int Done = 0, Refused = 1, Usage = 2;

    public static readonly IReadOnlyDictionary<string, ImportKind> Kinds = new Dictionary<string, ImportKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["subjects"] = ImportKind.Subjects,
        ["products"] = ImportKind.Products,
        ["support"] = ImportKind.SupportRecords,
        ["recognitions"] = ImportKind.Recognitions,
    };

    public static bool Matches(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Name;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var list = args.ToList();
        var userAt = list.IndexOf("--user");
        var userName = userAt >= 0 && userAt + 1 < list.Count ? list[userAt + 1] : null;
        var dryRun = list.Contains("--dry-run");
        if (list.Count < 3 || !Kinds.TryGetValue(list[1], out var kind) || userName is null)
        {
            await errors.WriteLineAsync("Cách dùng / usage: import <subjects|products|support|recognitions> <tệp.xlsx> --user <quản trị viên> [--dry-run]");
            return Usage;
        }

        var path = list[2];
        if (!File.Exists(path))
        {
            await errors.WriteLineAsync($"Không có tệp {path}. / No such file.");
            return Refused;
        }

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OcopDbContext>();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName);
        if (user is null || user.IsArchived || user.Role != Role.Administrator)
        {
            await errors.WriteLineAsync($"'{userName}' không phải quản trị viên đang hoạt động. / Not an active administrator.");
            return Refused;
        }

        byte[] bytes = await File.ReadAllBytesAsync(path, ct);
        using var stream = new MemoryStream(bytes);
        var (sheet, problem) = ImportSheet.Read(stream);
        if (sheet is null)
        {
            await errors.WriteLineAsync(problem);
            return Refused;
        }

        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(user.Id, user.UserName!, user.FullName);
        var userScope = new UserScope { UserId = user.Id, Role = Role.Administrator, CommuneIds = new HashSet<int>(), CoversEveryCommune = true };
        var run = scope.ServiceProvider.GetRequiredService<ImportRun>();
        var progress = new Told(done => output.WriteLine($"… {done}/{sheet.Rows.Count}"));
        var report = await run.RunAsync(kind, Path.GetFileName(path), sheet, userScope, commit: !dryRun, progress, ct);
        await output.WriteLineAsync($"{(dryRun ? "Chạy thử (chưa ghi) / dry run" : "Đã ghi / committed")}: thêm mới {report.Count(RowStatus.Created)}, "
            + $"cập nhật {report.Count(RowStatus.Updated)}, không đổi {report.Count(RowStatus.Unchanged)}, từ chối {report.Count(RowStatus.Refused)}.");
        foreach (var row in report.Rows.Where(r => r.Status == RowStatus.Refused))
        {
            await output.WriteLineAsync($"  dòng {row.Row} ({row.Label}): {string.Join("; ", row.Reasons)}");
        }

        var copy = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", Path.GetFileNameWithoutExtension(path) + "-ket-qua.xlsx");
        await File.WriteAllBytesAsync(copy, ImportReportFile.Build(sheet, report), ct);
        await output.WriteLineAsync($"Tệp kết quả / outcome file: {copy}");
        return Done;
    }

    /// <summary>Progress told at once, on the importing thread (Progress&lt;T&gt; would post it elsewhere, out of order).</summary>
    private sealed class Told(Action<int> tell) : IProgress<int>
    {
        public void Report(int value) => tell(value);
    }
}
