using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;

namespace Ocop.Bench.Generator;

/// <summary>
/// The round benchmark's data (bench/round.sh): a new open province round under 26/2026 with 40 products from the
/// national data, a council of nine members with sign-ins, and every member's sheet filled in. All sheets are
/// submitted except <see cref="LoadSheets"/> drafts, one per load connection, each a different member's sheet of a
/// different product, which the load then saves over and over and submits before the chair closes the round.
/// Each run makes a new round, so closing is measured afresh; it prints the round and the draft sheets for the script.
/// </summary>
internal static class RoundSeed
{
    public const int Products = 40;
    public const int Members = 9;
    public const int LoadSheets = Members;
    public const string MemberPrefix = "bench.member";

    public static async Task<int> RunAsync(OcopDbContext db, UserManager<AppUser> users, CancellationToken ct)
    {
        var userIds = new List<string>();
        for (var m = 1; m <= Members; m++)
        {
            userIds.Add(await MemberAsync(users, MemberPrefix + m.ToString(CultureInfo.InvariantCulture), m));
        }

        var sheets = await db.Scoresheets.AsNoTracking()
            .Where(s => s.LegalBasisCode == "26/2026" && s.Status == ScoresheetStatus.Published)
            .ToListAsync(ct);
        var newest = sheets.GroupBy(s => s.ProductSetNumber).ToDictionary(g => g.Key, g => g.MaxBy(s => s.SheetVersion)!);
        // Products of one province (a provincial council), each of a different subject, across the product sets.
        var candidates = await db.Products.AsNoTracking()
            .Where(p => p.Status != Ocop.Core.Registry.ProductStatus.Archived && p.Commune!.ParentId != null)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.SubjectId, ProvinceId = p.Commune!.ParentId!.Value, Set = p.Category!.ProductSet ?? p.Category.Parent!.ProductSet })
            .Take(20_000)
            .ToListAsync(ct);
        var province = candidates.Where(p => p.Set is int s && newest.ContainsKey(s))
            .GroupBy(p => p.ProvinceId).OrderByDescending(g => g.Count()).First().Key;
        var chosen = candidates.Where(p => p.ProvinceId == province && p.Set is int s && newest.ContainsKey(s))
            .DistinctBy(p => p.SubjectId).Take(Products).ToList();
        if (chosen.Count < Products)
        {
            Console.Error.WriteLine($"Only {chosen.Count} products with a 26/2026 scoresheet in one province; run the national generator first.");
            return 1;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var round = new EvaluationRound
        {
            Name = "Đợt đánh giá đo tải " + now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            Level = EvaluationLevel.Province,
            ProcessCode = "26/2026",
            LegalBasisCode = "26/2026",
            UnitId = province,
            OpensOn = today.AddDays(-10),
            ClosesOn = today.AddDays(20),
            State = RoundState.Open,
        };
        for (var m = 0; m < Members; m++)
        {
            round.Members.Add(new CouncilMember
            {
                UserId = userIds[m],
                FullName = "Thành viên đo tải số " + (m + 1).ToString(CultureInfo.InvariantCulture),
                Organisation = "Sở Nông nghiệp và Môi trường",
                Position = m == 0 ? CouncilPosition.Chair : m == 1 ? CouncilPosition.Secretary : CouncilPosition.Member,
            });
        }

        foreach (var p in chosen)
        {
            round.Products.Add(new RoundProduct { ProductId = p.Id, ScoresheetId = newest[p.Set!.Value].Id });
        }

        db.EvaluationRounds.Add(round);
        await db.SaveChangesAsync(ct);

        var models = newest.Values.ToDictionary(s => s.Id, s => s.ToModel());
        var drafts = new List<(string User, int RoundProductId)>();
        for (var k = 0; k < round.Products.Count; k++)
        {
            var entry = round.Products[k];
            var sheet = models[entry.ScoresheetId];
            for (var m = 0; m < Members; m++)
            {
                // Product k's sheet of member k mod 9 is a load connection's draft for the first LoadSheets products.
                var draft = k < LoadSheets && m == k % Members;
                var answers = Answers(sheet, 0.45 + (0.5 * k / Products), m);
                db.MemberScoresheets.Add(new MemberScoresheet
                {
                    RoundProductId = entry.Id,
                    CouncilMemberId = round.Members[m].Id,
                    State = draft ? MemberSheetState.Draft : MemberSheetState.Submitted,
                    Answers = JsonSerializer.Serialize(new SortedDictionary<string, int>(answers, StringComparer.Ordinal)),
                    TotalTenths = SheetScoring.Score(sheet, answers).Total.Tenths,
                    SubmittedAt = draft ? null : now,
                });
                if (draft)
                {
                    drafts.Add((MemberPrefix + (m + 1).ToString(CultureInfo.InvariantCulture), entry.Id));
                }
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Console.WriteLine("ROUND " + round.Id.ToString(CultureInfo.InvariantCulture));
        foreach (var (user, roundProductId) in drafts)
        {
            Console.WriteLine($"SHEET {user} {roundProductId.ToString(CultureInfo.InvariantCulture)}");
        }

        return 0;
    }

    private static async Task<string> MemberAsync(UserManager<AppUser> users, string userName, int number)
    {
        if (await users.FindByNameAsync(userName) is { } existing)
        {
            return existing.Id;
        }

        var user = new AppUser
        {
            UserName = userName,
            Email = userName + "@example.vn",
            EmailConfirmed = true,
            Role = Role.CouncilMember,
            FullName = "Thành viên đo tải số " + number.ToString(CultureInfo.InvariantCulture),
            Organisation = "Sở Nông nghiệp và Môi trường",
        };
        var result = await users.CreateAsync(user, BenchUsers.Password);
        return result.Succeeded ? user.Id : throw new InvalidOperationException($"{userName}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A complete sheet near quality × maximum on every criterion, members apart by a step now and then (so some criteria are flagged).</summary>
    private static Dictionary<string, int> Answers(Scoresheet sheet, double quality, int member)
    {
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        foreach (var scored in sheet.ScoredCriteria)
        {
            if (scored.Group.ChooseOne && !ReferenceEquals(scored.Criterion, scored.Group.Criteria[0]))
            {
                continue;
            }

            var options = scored.Leaf.Options.Where(o => o.Points is not null).OrderBy(o => o.Points!.Value).ToList();
            if (options.Count == 0)
            {
                continue;
            }

            var target = quality * (double)scored.Leaf.Max.Value;
            var best = options.Select((o, k) => (k, distance: Math.Abs((double)o.Points!.Value.Value - target))).MinBy(x => x.distance).k;
            var nudge = (i++ + member) % 5 == 0 ? (member % 3) - 1 : 0;
            answers[scored.Leaf.Code] = options[Math.Clamp(best + nudge, 0, options.Count - 1)].Number;
        }

        return answers;
    }
}
