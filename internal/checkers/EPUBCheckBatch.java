import com.adobe.epubcheck.tool.EpubChecker;
import java.util.concurrent.*;
import java.util.*;

// Runs EPUBCheck on many files in one JVM: args are the report folder,
// the number of threads, then the files. Report i (0-based) is
// <folder>/<i>.json; one line "i rc" per file on standard output.
public class EPUBCheckBatch {
  public static void main(String[] args) throws Exception {
    String dir = args[0];
    int threads = Integer.parseInt(args[1]);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<String>> done = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      final int n = i - 2;
      final String file = args[i];
      done.add(pool.submit(() -> {
        int rc = new EpubChecker().run(new String[] {file, "--json", dir + "/" + n + ".json", "--quiet"});
        return n + " " + rc;
      }));
    }
    for (Future<String> f : done) {
      System.out.println(f.get());
    }
    pool.shutdown();
    System.exit(0);
  }
}
