using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Planning;
using Ocop.Core.Units;
using Ocop.Web.Data;

namespace Ocop.Bench.Generator;

/// <summary>
/// Ten years of recognitions over the national products, for the dashboard benchmark: each product is first recognised in
/// one of the last ten years, then re-evaluated every 36 months (mostly re-recognised at the same star, sometimes one
/// higher; otherwise it lapses), a few certificates revoked; one decision per province and year. Plus support records.
/// Added once: a database that already holds certificates of the generated products is left as it is.
/// </summary>
internal static class PlanningHistory
{
    public static async Task<(int Recognitions, int Certificates, int Support)> AddAsync(OcopDbContext db, BulkWriter writer, DateOnly today, CancellationToken ct)
    {
        if (await db.Certificates.AnyAsync(ct))
        {
            return (0, 0, 0);
        }

        var products = await db.Products.AsNoTracking()
            .Select(p => new { p.Id, p.SubjectId, Province = p.Commune!.Parent!.Code, ProvinceLevel = p.Commune.Parent.Level })
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
        var random = new Random(2026);
        var firstYear = today.Year - 10;
        var recognitions = new Dictionary<(string Province, int Year), Recognition>();
        var certificates = new List<Certificate>();
        var support = new List<SupportRecord>();
        var recognitionId = 1;
        var certificateId = 1;
        var sequence = new Dictionary<(string, int), int>();
        SupportKind[] kinds = Enum.GetValues<SupportKind>();

        foreach (var product in products)
        {
            var province = product.ProvinceLevel == UnitLevel.Province ? product.Province : "00";
            var stars = Stars(random);
            var issued = new DateOnly(firstYear + random.Next(10), 1, 1).AddDays(random.Next(330));
            Certificate? previous = null;
            while (issued <= today)
            {
                var key = (province, issued.Year);
                if (!recognitions.TryGetValue(key, out var recognition))
                {
                    // One decision per province and year, signed on its first certificate's day.
                    recognition = new Recognition
                    {
                        Id = recognitionId++,
                        DecisionNumber = $"{issued.Year}/QĐ-UBND-{province}",
                        SignedOn = issued,
                        Signer = "Lãnh đạo (dữ liệu sinh)",
                        SignerTitle = "Phó Chủ tịch",
                        Issuer = $"UBND tỉnh {province}",
                        Level = EvaluationLevel.Province,
                        CreatedAt = issued.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                        Version = 0,
                    };
                    recognitions[key] = recognition;
                }

                var seq = sequence[key] = sequence.GetValueOrDefault(key) + 1;
                var certificate = new Certificate
                {
                    Id = certificateId++,
                    Number = $"{issued.Year}/OCOP-{province}-{seq:00000}",
                    RecognitionId = recognition.Id,
                    ProductId = product.Id,
                    Stars = stars,
                    ScoreHundredths = (stars * 2000) - 1000 + random.Next(1500),
                    IssuedOn = issued,
                    ExpiresOn = issued.AddMonths(36),
                    Version = 0,
                };
                if (random.NextDouble() < 0.03)
                {
                    certificate.RevokedOn = issued.AddDays(200 + random.Next(500));
                    certificate.RevocationGround = RevocationGround.CriteriaNoLongerMet;
                    certificate.RevocationDecision = $"{certificate.RevokedOn.Value.Year}/QĐ-THUHOI";
                }

                if (previous is not null)
                {
                    previous.SupersededById = certificate.Id;
                }

                certificates.Add(certificate);
                if (certificate.RevokedOn is not null || random.NextDouble() > 0.8)
                {
                    break; // revoked, or not re-registered in time: the product lapses
                }

                previous = certificate;
                issued = certificate.ExpiresOn.AddDays(-random.Next(60));
                stars = Math.Min(5, stars + (random.NextDouble() < 0.15 ? 1 : 0));
            }

            if (random.NextDouble() < 0.25)
            {
                support.Add(new SupportRecord
                {
                    Id = support.Count + 1,
                    SubjectId = product.SubjectId,
                    ProductId = product.Id,
                    Kind = kinds[random.Next(kinds.Length)],
                    Description = "Hỗ trợ (dữ liệu sinh cho phép đo tải)",
                    On = new DateOnly(firstYear + random.Next(10), 1, 1).AddDays(random.Next(360)),
                    AmountVnd = 1_000_000 * (1 + random.Next(50)),
                    CreatedAt = DateTime.UtcNow,
                    UpdatedAt = DateTime.UtcNow,
                    Version = 0,
                });
            }
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await writer.InsertAsync(recognitions.Values.ToList(), ct);
            // A certificate points to the one that replaced it: the newer ones go first.
            await writer.InsertAsync(certificates.OrderByDescending(c => c.Id).ToList(), ct);
            await writer.InsertAsync(support, ct);
            await transaction.CommitAsync(ct);
        }

        await writer.ResetIdentityAsync<Recognition>(ct);
        await writer.ResetIdentityAsync<Certificate>(ct);
        await writer.ResetIdentityAsync<SupportRecord>(ct);
        return (recognitions.Count, certificates.Count, support.Count);
    }

    // About 76 % 3 stars, 23 % 4 stars, 1 % 5 stars, as nationally at the end of 2024.
    private static int Stars(Random random) => random.NextDouble() switch
    {
        < 0.76 => 3,
        < 0.995 => 4,
        _ => 5,
    };
}
