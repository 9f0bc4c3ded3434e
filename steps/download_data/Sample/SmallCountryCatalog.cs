namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>
/// The countries with a handful of reviews in 10,000 rows (the real sample has 37 countries, the
/// 17 of <see cref="CountryCatalog"/> holding 99% of the rows); a few show up only in some samples.
/// Region_1 is missing for all of them, as in the real data.
/// </summary>
public static class SmallCountryCatalog
{
    public static IEnumerable<(Country Country, double Weight)> Countries { get; } =
    [
        Small("Bulgaria", 0.12, "Jeff Jenssen", "Thracian Valley:4|Danube River Plains:1|Black Sea Coastal:1|Struma River Valley:1",
            "Mavrud:2|Melnik:1|Cabernet Sauvignon:2|Merlot:2|Red Blend:2|Chardonnay:1"),
        Small("Slovenia", 0.10, "Jeff Jenssen", "Goriška Brda:3|Primorska:2|Štajerska:1|Vipavska Dolina:1|Podravje:1",
            "Rebula:2|Sauvignon Blanc:1|Pinot Grigio:1|White Blend:2|Red Blend:1|Merlot:1"),
        Small("Croatia", 0.10, "Jeff Jenssen:2|Mike DeSimone", "Dalmatian Coast:3|Hrvatsko Primorje:1|Istria:1|Slavonia:1|Pelješac:1",
            "Plavac Mali:3|Malvazija:2|Graševina:2|Teran:1"),
        Small("Romania", 0.09, "Jeff Jenssen", "Dealu Mare:2|Recas:2|Transylvania:1|Viile Timisului:1|Murfatlar:1",
            "Fetească Neagră:2|Pinot Noir:2|Pinot Grigio:1|Fetească Regală:1|Merlot:1"),
        Small("Moldova", 0.08, "Jeff Jenssen", "Moldova:3|Codru:1|Valul lui Traian:1", "Fetească Neagră:1|Rara Neagra:1|Cabernet Sauvignon:1|Red Blend:2"),
        Small("Lebanon", 0.06, "Mike DeSimone", "Bekaa Valley:3|Lebanon:1", "Red Blend:3|Bordeaux-style Red Blend:1|White Blend:1|Cinsault:1"),
        Small("England", 0.06, "Anne Krebiehl MW:2|Christina Pickard", "England:1", "Sparkling Blend:4|Chardonnay:1|Pinot Noir:1|Bacchus:1"),
        Small("Mexico", 0.06, "Michael Schachner", "Valle de Guadalupe:3|Mexico:1|San Vicente:1|Valle de Parras:1", "Red Blend:2|Nebbiolo:1|Tempranillo:1|Cabernet Sauvignon:1"),
        Small("Georgia", 0.06, "Mike DeSimone", "Kakheti:3|Kartli:1|Imereti:1", "Saperavi:3|Rkatsiteli:2|Mtsvane:1|White Blend:1"),
        Small("Turkey", 0.05, "Jeff Jenssen|Mike DeSimone", "Thrace:2|Aegean:2|Eastern Anatolia:1|Central Anatolia:1|Denizli:1",
            "Öküzgözü:2|Boğazkere:1|Kalecik Karasi:1|Narince:1|Red Blend:1"),
        Small("Brazil", 0.04, "Michael Schachner", "Serra Gaúcha:3|Pinto Bandeira:1|Campanha:1", "Sparkling Blend:3|Merlot:1|Moscato:1"),
        Small("Czech Republic", 0.035, "Anna Lee C. Iijima", "Moravia:1", "Grüner Veltliner:1|Pinot Blanc:1|Riesling:1|Blaufränkisch:1"),
        Small("Cyprus", 0.03, "Jeff Jenssen", "Pafos:1|Lemesos:1|Commandaria:1", "Xynisteri:2|Maratheftiko:1|Red Blend:1"),
        Small("Macedonia", 0.025, "Jeff Jenssen", "Tikves:2|Povardarie:1", "Vranec:2|Red Blend:1"),
        Small("Slovakia", 0.02, "Anna Lee C. Iijima", "Južnoslovenská:1|Malokarpatská:1", "Grüner Veltliner:1|Riesling:1|Pinot Blanc:1"),
        Small("Serbia", 0.02, "Jeff Jenssen", "Šumadija:1|Srem:1|Župa:1", "Prokupac:1|Tamjanika:1|Red Blend:1"),
        Small("Luxembourg", 0.015, "Jeff Jenssen", "Moselle Luxembourgeoise:1", "Riesling:1|Pinot Gris:1|Auxerrois:1"),
        Small("Switzerland", 0.015, "Jeff Jenssen", "Valais:2|Vaud:1|Neuchâtel:1|Ticino:1", "Chasselas:2|Pinot Noir:1|Petite Arvine:1|Merlot:1|Cornalin:1"),
        Small("India", 0.015, "Mike DeSimone", "Nashik:1", "Shiraz:1|Sauvignon Blanc:1|Chenin Blanc:1"),
        Small("Armenia", 0.015, "Mike DeSimone", "Armenia:1", "Areni:2|Kangoun:1|Rosé:1"),
        Small("Peru", 0.012, "Michael Schachner", "Ica:1", "Malbec:1|Red Blend:1|Tannat:1"),
        Small("Morocco", 0.012, "Lauren Buzzeo", "Zenata:1|Guerrouane:1|Morocco:1", "Red Blend:2|Syrah:1|Rosé:1"),
        Small("Ukraine", 0.012, "Jeff Jenssen", "Ukraine:1", "Sparkling Blend:1|Muscat:1"),
        Small("Bosnia and Herzegovina", 0.01, "Jeff Jenssen", "Mostar:1", "Žilavka:1|Blatina:1"),
    ];

    // Small producers score near the middle and sell cheaper; their wineries are named plainly.
    private static (Country, double) Small(string name, double weight, string tasters, string provinces, string varieties) =>
        (CountryCatalog.Country(name, ExactMath.NameOffset(name, 0.6) - 0.3, -0.3, tasters, ["{0}", "{0} Winery", "{0} Estate", "Domaine {0}"],
            [.. WeightedText.Entries(provinces).Select(p => (CountryCatalog.NewProvince(p.Name, null, null, varieties), p.Weight))]),
         weight);
}
