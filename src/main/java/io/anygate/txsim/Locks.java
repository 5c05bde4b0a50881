package io.anygate.txsim;

/** Takes the locks of one or two contracts in ascending id order, so that two transfers cannot deadlock. */
final class Locks {

    private Locks() {
    }

    static void run(SimContract a, SimContract b, Runnable work) {
        if (b == null || a == b) {
            a.lock.lock();
            try {
                work.run();
            } finally {
                a.lock.unlock();
            }
            return;
        }
        SimContract first = a.id < b.id ? a : b;
        SimContract second = first == a ? b : a;
        first.lock.lock();
        try {
            second.lock.lock();
            try {
                work.run();
            } finally {
                second.lock.unlock();
            }
        } finally {
            first.lock.unlock();
        }
    }
}
