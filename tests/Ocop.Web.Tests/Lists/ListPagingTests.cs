using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Lists;

/// <summary>
/// Paging everywhere a list can grow (issue 17.6): a list with more rows than a page shows the first page, a link to the
/// next keeping every filter, and the rest on page 2; the count in vi-VN numbers. Each test seeds its own rows, named so
/// that they come first in the list's order.
/// </summary>
public class ListPagingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Extra = 3;

    [Fact]
    public async Task Craft_villages_page_by_twenty()
    {
        var names = await SeedAsync("Aa làng phân trang", 20 + Extra, async (db, name) =>
        {
            var commune = await db.Units.Where(u => u.Code == Demo.ChauThanhCommune).OrderBy(u => u.ValidTo == null ? 0 : 1).Select(u => u.Id).FirstAsync();
            db.CraftVillages.Add(new CraftVillage { Name = name, CommuneId = commune });
        });

        await AssertPagedAsync(Demo.ProgramOffice, "/CraftVillages", names, 20, kept: []);
    }

    [Fact]
    public async Task The_audit_search_pages_by_fifty_and_keeps_its_filters()
    {
        var user = "phan.trang." + Guid.NewGuid().ToString("N")[..6];
        var ids = Enumerable.Range(1, 50 + Extra).Select(i => "pt" + i.ToString("000", CultureInfo.InvariantCulture)).ToList();
        await app.QueryAsync(async db =>
        {
            foreach (var id in ids)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    At = DateTime.UtcNow,
                    UserName = user,
                    EntityType = nameof(CraftVillage),
                    EntityId = id,
                    Action = AuditAction.Updated,
                    Changes = "{}",
                });
            }

            return await db.SaveChangesAsync();
        });

        await AssertPagedAsync(Demo.Admin, $"/Audit/Search?user={user}&type={nameof(CraftVillage)}", ids, 50,
            kept: [$"user={user}", $"type={nameof(CraftVillage)}"]);
    }

    [Fact]
    public async Task Support_policies_page_and_keep_the_archived_filter()
    {
        var names = await SeedAsync("Chính sách phân trang", 20 + Extra, (db, name) =>
        {
            db.SupportPolicies.Add(new SupportPolicy
            {
                Name = name,
                LegalBasis = "Nghị quyết thử",
                Kind = Enum.GetValues<Ocop.Core.Planning.SupportKind>()[0],
                ValidFrom = new DateOnly(2099, 1, 1),
                IsArchived = true,
            });
            return Task.CompletedTask;
        });

        await AssertPagedAsync(Demo.ProgramOffice, "/Support/Policies?archived=true", names, 20, kept: ["archived=true"]);
    }

    [Fact]
    public async Task Recognition_decisions_page_by_twenty()
    {
        var names = await SeedAsync("QĐ-PT", 20 + Extra, (db, name) =>
        {
            db.Recognitions.Add(new Recognition
            {
                DecisionNumber = name,
                SignedOn = new DateOnly(2099, 1, 1),
                Signer = "Người ký thử",
                SignerTitle = "Chủ tịch",
                Issuer = "UBND tỉnh",
                Level = EvaluationLevel.Province,
                Transcribed = true,
                CreatedAt = DateTime.UtcNow,
            });
            return Task.CompletedTask;
        });

        await AssertPagedAsync(Demo.ProgramOffice, "/Recognitions", names, 20, kept: []);
    }

    [Fact]
    public async Task Evaluation_rounds_page_by_twenty()
    {
        var names = await SeedAsync("Đợt phân trang", 20 + Extra, async (db, name) =>
        {
            var template = await db.EvaluationRounds.AsNoTracking().OrderBy(r => r.Id).FirstAsync();
            db.EvaluationRounds.Add(new EvaluationRound
            {
                Name = name,
                Level = template.Level,
                ProcessCode = template.ProcessCode,
                LegalBasisCode = template.LegalBasisCode,
                UnitId = template.UnitId,
                OpensOn = new DateOnly(2099, 1, 1),
                ClosesOn = new DateOnly(2099, 2, 1),
                State = RoundState.Open,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
        });

        await AssertPagedAsync(Demo.ProgramOffice, "/Rounds", names, 20, kept: []);
    }

    [Fact]
    public async Task Overdue_tasks_page_by_fifty()
    {
        var names = await SeedAsync("Nhiệm vụ quá hạn phân trang", 50 + Extra, async (db, name) =>
        {
            var office = await db.Offices.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            db.PlanTasks.Add(new PlanTask
            {
                PlanNumber = "PT/2000",
                Section = "IX",
                OfficeId = office,
                Title = name,
                Recurrence = Recurrence.Once,
                StartsOn = new DateOnly(2000, 1, 1),
                DueOn = new DateOnly(2000, 1, 2),
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
        });

        await AssertPagedAsync(Demo.ProgramOffice, "/Tasks/Overdue", names, 50, kept: []);
    }

    /// <summary>Adds <paramref name="count"/> rows named "{prefix} 001"… and gives back their names.</summary>
    private async Task<List<string>> SeedAsync(string prefix, int count, Func<OcopDbContext, string, Task> add)
    {
        var names = Enumerable.Range(1, count).Select(i => $"{prefix} {i.ToString("000", CultureInfo.InvariantCulture)}").ToList();
        await app.QueryAsync(async db =>
        {
            foreach (var name in names)
            {
                await add(db, name);
            }

            return await db.SaveChangesAsync();
        });
        return names;
    }

    /// <summary>
    /// Page 1 shows a full page of the seeded rows and a "next" link keeping the filters; page 2 shows the others; the
    /// total is written in vi-VN numbers.
    /// </summary>
    private async Task AssertPagedAsync(string user, string url, List<string> seeded, int pageSize, string[] kept)
    {
        var client = await app.As(user);
        var first = await client.GetPageAsync(url);
        var onFirst = Found(first, seeded);
        Assert.Equal(pageSize, onFirst.Count);
        Assert.Contains("Trang 1 / ", first, StringComparison.Ordinal);

        var next = WebUtility.HtmlDecode(Regex.Match(first, """<a href="(?<url>[^"]+)" rel="next">""").Groups["url"].Value);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        foreach (var filter in kept)
        {
            Assert.Contains(filter, next, StringComparison.Ordinal);
        }

        var second = await client.GetPageAsync(next);
        var onSecond = Found(second, seeded);
        Assert.Equal(seeded.Count - pageSize, onSecond.Count);
        Assert.Empty(onFirst.Intersect(onSecond));
        Assert.Contains("Trang 2 / ", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
    }

    private static List<string> Found(string page, List<string> names) =>
        [.. names.Where(n => page.Contains(">" + WebUtility.HtmlEncode(n), StringComparison.Ordinal) || page.Contains(">" + n, StringComparison.Ordinal)
            || page.Contains("#" + n + "<", StringComparison.Ordinal))];
}
