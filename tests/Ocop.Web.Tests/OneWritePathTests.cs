using System.Text.RegularExpressions;

namespace Ocop.Web.Tests;

/// <summary>
/// Every change a user can make is one use case (a command, its handler, a typed result) that the page, the API and
/// the importer all call; page models only translate. So no page model may write through the database context itself:
/// a write found here is a change the API and the importer cannot make the same way.
/// </summary>
public partial class OneWritePathTests
{
    // The sign-in page counts failed attempts and locks the account: ASP.NET Core Identity's own bookkeeping on a
    // sign-in, which is not a change of any record and has no API or import counterpart.
    private static readonly string[] NotAChange = [Path.Combine("Account", "Login.cshtml.cs")];

    [Fact]
    public void No_page_model_writes_through_the_database_context()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Ocop.Web", "Features");
        var writes = Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Name: Path.GetRelativePath(features, f), Text: File.ReadAllText(f)))
            .Where(f => f.Name.EndsWith(".cshtml.cs", StringComparison.Ordinal) || PageModelBase().IsMatch(f.Text))
            .Where(f => !NotAChange.Contains(f.Name))
            .SelectMany(f => DatabaseWrite().Matches(f.Text).Select(m => $"{f.Name}: {m.Value}"))
            .ToList();
        Assert.True(writes.Count == 0, "Page models that write without a use case:\n" + string.Join('\n', writes));
    }

    [Theory]
    [InlineData("await db.SaveChangesAsync(ct);", true)]
    [InlineData("await section.Db.SaveChangesAsync(ct);", true)]
    [InlineData("db.Holidays.Add(new Holiday());", true)]
    [InlineData("Section.Db.SectionFiles.AddRange(files);", true)]
    [InlineData("await db.Tasks.Where(t => t.Id == id).ExecuteUpdateAsync(s => s, ct);", true)]
    [InlineData("db.Remove(entity);", true)]
    [InlineData("await using var tx = await db.Database.BeginTransactionAsync(ct);", true)]
    [InlineData("var result = await users.ChangePasswordAsync(user, current, next);", true)]
    [InlineData("Input.Rows.Add(new Row());", false)]
    [InlineData("var user = await users.FindByIdAsync(id);", false)]
    [InlineData("ModelState.AddModelError(\"\", message);", false)]
    [InlineData("var result = await save.RunAsync(scope, command, ct);", false)]
    public void The_scan_tells_a_write_from_other_calls(string line, bool isWrite) =>
        Assert.Equal(isWrite, DatabaseWrite().IsMatch(line));

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ocop.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Ocop.slnx) was not found.");
    }

    // A class declared on PageModel (a shared page base outside a .cshtml.cs file).
    [GeneratedRegex(@"class\s+\w+(<[^>]*>)?(\([^)]*\))?\s*:\s*PageModel\b")]
    private static partial Regex PageModelBase();

    // Saving, bulk updates and transactions anywhere; adding or removing through the context (db.X.Add, Db.Remove);
    // Identity's user manager, which saves through the same context.
    [GeneratedRegex(@"\bSaveChanges(Async)?\(|\bExecute(Update|Delete)(Async)?\(|\bBeginTransaction(Async)?\(|\b[dD]b(\.\w+)?\.(Add|AddRange|Remove|RemoveRange|Update|UpdateRange|Attach)\(|\b[uU]sers\.(Create|Update|Delete|ResetPassword|ChangePassword|AddPassword|SetLockoutEndDate|ResetAccessFailedCount|UpdateSecurityStamp)Async\(")]
    private static partial Regex DatabaseWrite();
}
