package io.m365platform.graphsim.tenant;

/** Pools the generator draws from; non-ASCII names carry an ASCII form for UPNs and mail addresses. */
final class NamePools {
    private NamePools() {
    }

    /** {display, ascii} */
    static final String[][] GIVEN = {
            {"Adele", "adele"}, {"Alex", "alex"}, {"Allan", "allan"}, {"Åsa", "asa"}, {"Björn", "bjorn"}, {"Camille", "camille"},
            {"Chloé", "chloe"}, {"Christie", "christie"}, {"Dávid", "david"}, {"Diego", "diego"}, {"Émilie", "emilie"},
            {"Enrico", "enrico"}, {"François", "francois"}, {"Grady", "grady"}, {"Henrietta", "henrietta"}, {"Ingrid", "ingrid"},
            {"Irvin", "irvin"}, {"Isaiah", "isaiah"}, {"José", "jose"}, {"Johanna", "johanna"}, {"Joni", "joni"},
            {"Jürgen", "jurgen"}, {"Lee", "lee"}, {"Lidia", "lidia"}, {"Lynne", "lynne"}, {"Łukasz", "lukasz"},
            {"Megan", "megan"}, {"Miriam", "miriam"}, {"Nestor", "nestor"}, {"Nuño", "nuno"}, {"Patti", "patti"},
            {"Pradeep", "pradeep"}, {"Renée", "renee"}, {"Søren", "soren"}, {"Zoë", "zoe"}, {"Yuki", "yuki"},
            {"Ólafur", "olafur"}, {"Çağla", "cagla"}, {"Dmitrij", "dmitrij"}, {"Aoife", "aoife"}, {"Mei", "mei"},
            {"Rajesh", "rajesh"}, {"Fatima", "fatima"}, {"Kwame", "kwame"}, {"Thắng", "thang"}, {"Анна", "anna"},
            {"太郎", "taro"}, {"Noa", "noa"}};
    static final String[][] SURNAMES = {
            {"Vance", "vance"}, {"Wilber", "wilber"}, {"Deyoung", "deyoung"}, {"Lindqvist", "lindqvist"}, {"Müller", "muller"},
            {"Dubois", "dubois"}, {"García", "garcia"}, {"Núñez", "nunez"}, {"Kowalski", "kowalski"}, {"Nowak", "nowak"},
            {"Holt", "holt"}, {"Gonzalez", "gonzalez"}, {"Archer", "archer"}, {"Bowen", "bowen"}, {"Cortez", "cortez"},
            {"Gentry", "gentry"}, {"Patterson", "patterson"}, {"Hernandez", "hernandez"}, {"Fernandes", "fernandes"},
            {"Ólafsdóttir", "olafsdottir"}, {"Çelik", "celik"}, {"Dvořák", "dvorak"}, {"Søndergaard", "sondergaard"},
            {"Björk", "bjork"}, {"O'Brien", "obrien"}, {"Nakamura", "nakamura"}, {"Kim", "kim"}, {"Nguyễn", "nguyen"},
            {"Okafor", "okafor"}, {"Sharma", "sharma"}, {"Rossi", "rossi"}, {"Smith", "smith"}, {"Johansson", "johansson"},
            {"Иванова", "ivanova"}, {"山田", "yamada"}, {"Mensah", "mensah"}, {"Haddad", "haddad"}, {"Schäfer", "schafer"}};
    static final String[] DEPARTMENTS = {"Sales", "Marketing", "Engineering", "Finance", "Human Resources", "Operations",
            "Legal", "Customer Support", "Research & Development", "IT", "Retail", "Manufacturing"};
    static final String[] JOB_TITLES = {"Account Manager", "Software Engineer", "Senior Software Engineer", "Product Manager",
            "Marketing Specialist", "Financial Analyst", "HR Generalist", "Operations Manager", "Counsel", "Support Engineer",
            "Researcher", "IT Administrator", "Store Manager", "Technician", "Director", "Consultant", "Designer", "Data Analyst"};
    /** {city, country, usageLocation, officeLocation, preferredLanguage} */
    static final String[][] LOCATIONS = {
            {"Seattle", "United States", "US", "Building 18/2101", "en-US"},
            {"New York", "United States", "US", "Manhattan 12F", "en-US"},
            {"London", "United Kingdom", "GB", "Canary Wharf 4", "en-GB"},
            {"Berlin", "Germany", "DE", "Mitte 3.12", "de-DE"},
            {"München", "Germany", "DE", "Schwabing 1.04", "de-DE"},
            {"Paris", "France", "FR", "La Défense 22", "fr-FR"},
            {"Madrid", "Spain", "ES", "Castellana 8", "es-ES"},
            {"Stockholm", "Sweden", "SE", "Kista 5", "sv-SE"},
            {"Oslo", "Norway", "NO", "Fornebu 2", "nb-NO"},
            {"Warszawa", "Poland", "PL", "Mokotów 7", "pl-PL"},
            {"Tokyo", "Japan", "JP", "Shinagawa 31F", "ja-JP"},
            {"São Paulo", "Brazil", "BR", "Paulista 1000", "pt-BR"},
            {"Bengaluru", "India", "IN", "Whitefield B2", "en-IN"},
            {"Reykjavík", "Iceland", "IS", "Borgartún 26", "is-IS"}};
    static final String[] EXTERNAL_DOMAINS = {"fabrikam.example", "northwind.example", "tailspin.example", "gmail.example", "partner.example"};
    static final String[] GROUP_TOPICS = {"Project Phoenix", "Q3 Planning", "Sales EMEA", "Engineering Leads", "Marketing Campaigns",
            "Finance Close", "HR Partners", "Customer Success", "Security Champions", "Mobile App", "Data Platform", "Legal Review",
            "Retail Stores", "Product Launch", "Innovation Lab", "Équipe Paris", "München Standort", "東京チーム", "Wellbeing",
            "Onboarding", "Support Tier 2", "Vendors", "Board Prep", "Design System"};
    static final String[][] CHANNELS = {{"Announcements", "standard"}, {"Projects", "standard"}, {"Random", "standard"},
            {"Planning", "standard"}, {"Leads", "private"}, {"Partners", "shared"}, {"Support", "standard"}, {"Café ☕", "standard"}};
    /** {displayName, publisher, verified?} */
    static final String[][] THIRD_PARTY_APPS = {
            {"Contoso CRM Sync", "Contoso Software Ltd", "true"}, {"Fabrikam Expenses", "Fabrikam Inc", "true"},
            {"Northwind Scheduler", "Northwind Traders", "false"}, {"Tailspin Survey", "Tailspin Toys", "true"},
            {"Woodgrove Signatures", "Woodgrove Bank", "false"}, {"Litware Notes", "Litware Inc", "true"},
            {"Adatum Backup", "A. Datum Corporation", "true"}, {"Proseware Analytics", "Proseware Inc", "false"},
            {"Wide World Travel", "Wide World Importers", "true"}, {"Alpine Booking", "Alpine Ski House", "false"},
            {"Coho Mail Merge", "Coho Winery", "false"}, {"Lucerne Publishing Hub", "Lucerne Publishing", "true"},
            {"Margie's Travel Planner", "Margie's Travel", "false"}, {"Trey Research Insights", "Trey Research", "true"},
            {"Blue Yonder Tickets", "Blue Yonder Airlines", "true"}, {"Humongous Insurance Claims", "Humongous Insurance", "false"}};
    static final String[] DELEGATED_SCOPES = {"openid profile offline_access User.Read", "openid profile User.Read Mail.Read",
            "openid offline_access User.Read Calendars.ReadWrite", "User.Read Files.Read.All", "openid profile email User.ReadBasic.All",
            "User.Read Mail.Send Contacts.Read"};
    /** {displayName, distributionMethod, shortDescription} */
    static final String[][] TEAMS_APPS = {
            {"Contoso Polls", "store", "Quick polls in chats and meetings"}, {"Fabrikam Standup", "store", "Async daily stand-ups"},
            {"Northwind Tasks", "store", "Task boards for teams"}, {"Tailspin Whiteboard", "store", "Collaborative whiteboard"},
            {"Woodgrove HR Bot", "organization", "Ask HR questions"}, {"Adatum Service Desk", "organization", "Raise IT tickets"},
            {"Litware Dev Tools", "sideloaded", "Build notifications"}, {"Lucerne Approvals", "store", "Approval workflows"},
            {"Trey Research Dashboards", "organization", "Sales dashboards"}, {"Café Menü", "sideloaded", "Lunch menu of the day"}};
}
