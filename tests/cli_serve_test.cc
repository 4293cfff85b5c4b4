// End-to-end tests of the operations commands around the web application: `user add` (the first administrator),
// `backup` and `restore` of the SQLite database, and `serve`'s refusals of bad options. The server itself is
// exercised by tests/browser and tests/crash.
#include <signal.h>
#include <unistd.h>

#include "store/store.h"
#include "cli_harness.h"

namespace kopsehat::e2e {
namespace {

class ServeCliTest : public CliHarness {
 protected:
  // The user names in the database of `data_dir`.
  std::vector<std::string> Users(const std::string& data_dir) {
    std::string error;
    std::unique_ptr<store::Store> s = store::Store::Open(data_dir + "/kopsehat.db", 1, &error);
    EXPECT_NE(s, nullptr) << error;
    std::vector<store::User> users;
    if (s != nullptr) {
      EXPECT_TRUE(s->Read([&](store::Connection* c) { return store::ListUsers(c, &users); }).ok());
    }
    std::vector<std::string> names;
    for (const store::User& u : users) names.push_back(u.username);
    return names;
  }
};

TEST_F(ServeCliTest, FirstAdministratorFromStdinNeverFromArguments) {
  const std::string data = Path("data");
  const std::string password = Write("sandi.txt", "sandi-yang-panjang\n");
  const Result r = Run({"user", "add", "--data", data, "--username", "admin", "--peran", "admin"}, password);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "Pengguna dibuat: admin"));
  EXPECT_EQ(Users(data), std::vector<std::string>{"admin"});
  // A short password, an unknown role, a taken name: refused with the reason.
  const std::string weak = Write("lemah.txt", "pendek\n");
  Result bad = Run({"user", "add", "--data", data, "--username", "b", "--peran", "admin"}, weak);
  EXPECT_EQ(bad.status, 2);
  EXPECT_TRUE(Contains(bad.err, "kata sandi paling sedikit 8 karakter")) << bad.err;
  bad = Run({"user", "add", "--data", data, "--username", "b", "--peran", "raja"}, password);
  EXPECT_EQ(bad.status, 2);
  EXPECT_TRUE(Contains(bad.err, "--peran")) << bad.err;
  bad = Run({"user", "add", "--data", data, "--username", "admin", "--peran", "admin"}, password);
  EXPECT_EQ(bad.status, 2);
  EXPECT_TRUE(Contains(bad.err, "sudah dipakai")) << bad.err;
  // A cooperative role needs a cooperative that exists.
  bad = Run({"user", "add", "--data", data, "--username", "c", "--peran", "pengurus", "--koperasi", "7", "--lang", "en"},
            password);
  EXPECT_EQ(bad.status, 2);
  EXPECT_TRUE(Contains(bad.err, "no such cooperative")) << bad.err;
}

TEST_F(ServeCliTest, BackupIsConsistentAndRestoreBringsItBack) {
  const std::string data = Path("data");
  const std::string password = Write("sandi.txt", "sandi-yang-panjang\n");
  ASSERT_EQ(Run({"user", "add", "--data", data, "--username", "admin", "--peran", "admin"}, password).status, 0);
  const std::string backup = Path("cadangan.db");
  Result r = Run({"backup", "--data", data, "--out", backup});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(backup));
  // Never over an existing file.
  r = Run({"backup", "--data", data, "--out", backup});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Contains(r.err, "kopsehat backup: ")) << r.err;
  EXPECT_TRUE(Contains(r.err, "sudah ada")) << r.err;
  // Changes after the backup are gone after a restore.
  ASSERT_EQ(Run({"user", "add", "--data", data, "--username", "kedua", "--peran", "admin"}, password).status, 0);
  EXPECT_EQ(Users(data).size(), 2u);
  r = Run({"restore", "--data", data, "--from", backup});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Users(data), std::vector<std::string>{"admin"});
  // A file that is not a Kopsehat database is refused and the database is unchanged.
  const std::string junk = Write("bukan.db", "bukan basis data");
  r = Run({"restore", "--data", data, "--from", junk});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(Users(data), std::vector<std::string>{"admin"});
}

TEST_F(ServeCliTest, RestoreIsRefusedWhileAServerUsesTheDatabase) {
  // Replacing the database under a running server would discard writes it has acknowledged.
  const std::string data = Path("data");
  const std::string password = Write("sandi.txt", "sandi-yang-panjang\n");
  ASSERT_EQ(Run({"user", "add", "--data", data, "--username", "admin", "--peran", "admin"}, password).status, 0);
  const std::string backup = Path("cadangan.db");
  ASSERT_EQ(Run({"backup", "--data", data, "--out", backup}).status, 0);
  const std::string pid_file = Path("serve.pid"), log = Path("serve.out");
  const std::string start = "cd " + Quote(kSourceDir) + " && " + Quote(kBinary) + " serve --data " + Quote(data) +
                            " --port 0 >" + Quote(log) + " 2>/dev/null </dev/null & echo $! >" + Quote(pid_file);
  ASSERT_EQ(std::system(start.c_str()), 0);
  for (int i = 0; i < 200 && !Contains(ReadAll(log), "berjalan di"); ++i) usleep(50 * 1000);
  ASSERT_TRUE(Contains(ReadAll(log), "berjalan di")) << ReadAll(log);
  const pid_t server = pid_t(std::stol(ReadAll(pid_file)));
  Result r = Run({"restore", "--data", data, "--from", backup});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Contains(r.err, "kopsehat restore: ")) << r.err;
  EXPECT_TRUE(Contains(r.err, "sedang dipakai (server pid " + std::to_string(server) + ")")) << r.err;
  r = Run({"restore", "--data", data, "--from", backup, "--lang", "en"});
  EXPECT_TRUE(Contains(r.err, "stop that Kopsehat server first")) << r.err;
  // A second server on the same database is refused the same way.
  r = Run({"serve", "--data", data, "--port", "0"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Contains(r.err, "sedang dipakai")) << r.err;
  // Once the server has stopped (the lock goes with the process), the restore goes through.
  kill(server, SIGTERM);
  for (int i = 0; i < 200 && Run({"restore", "--data", data, "--from", backup}).status != 0; ++i) usleep(50 * 1000);
  r = Run({"restore", "--data", data, "--from", backup});
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(ServeCliTest, ServeRefusesBadOptionsWithTheirName) {
  Result r = Run({"serve", "--port", "99999", "--data", Path("d")});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Contains(r.err, "--port")) << r.err;
  r = Run({"serve", "--threads", "0", "--data", Path("d")});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Contains(r.err, "--threads")) << r.err;
  for (const char* option : {"--batas-koneksi", "--batas-koneksi-alamat", "--batas-waktu"}) {
    r = Run({"serve", option, "-1", "--data", Path("d")});
    EXPECT_EQ(r.status, 2) << option;
    EXPECT_TRUE(Contains(r.err, option)) << r.err;
  }
  // An address that is not one: refused with the address named, before serving anything.
  r = Run({"serve", "--host", "256.0.0.1", "--port", "0", "--data", Path("d")});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Contains(r.err, "cannot listen on 256.0.0.1:0")) << r.err;
  r = Run({"serve", "--db", "postgresql://nobody@127.0.0.1:1/none", "--lang", "en"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Contains(r.err, "cannot open the database")) << r.err;
  r = Run({"serve", "--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(Contains(r.out, "--demo"));
  EXPECT_TRUE(Contains(r.out, "--batas-koneksi-alamat"));
}

}  // namespace
}  // namespace kopsehat::e2e
